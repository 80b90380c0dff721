Feature: Authentication
  Every call to COUNT is signed with the partner app's client secret and carries the user's access
  token. An expired access token is refreshed by the component without the route noticing; refresh
  tokens rotate, so an old one is refused and the user must authorise the app again; a wrong
  signature is refused outright.

  @mock-only
  Scenario: An expired access token is refreshed without the route noticing
    Given a partner app connected to a workspace of its own
    When COUNT expires the app's access token
    And the app's route creates the customer "Hooli"
    Then the route gets the customer "Hooli" back
    And the app now holds a new access token and a new refresh token

  @mock-only
  Scenario: A refresh token that was already used is refused with a clear message
    Given a partner app connected to a workspace of its own
    And the app's access token has expired and the app has refreshed it
    When a second copy of the app, still holding the first tokens, calls COUNT
    Then the call fails because the app must be authorised again

  Scenario: A request signed with the wrong client secret is refused
    Given a connection to COUNT whose client secret is wrong
    When it lists the customers
    Then COUNT refuses the call because the signature does not match
