@mock-only @isolated
Feature: Recurring invoice templates
  A recurring template issues the same invoice on a schedule. It starts paused; while active, COUNT
  issues a draft invoice on each due date; paused, it issues nothing; deleted, it is gone but the
  invoices it issued stay. Time is the mock COUNT's clock, moved forward by the scenario.

  Background:
    Given a new customer "Soylent Corp"

  Scenario: A monthly template, from paused to active to paused to deleted
    When I set up a monthly invoice for 2 "Support plan" at 49.50 each, first due in 10 days
    Then the template is paused, with no next invoice
    When I resume the template
    Then the template is active, its next invoice due on due date number 1
    And the customer has 0 draft invoices from the template, one for each due date
    When time moves on to the template's due date number 1
    Then the customer has 1 draft invoice from the template, one for each due date
    And the template is active, its next invoice due on due date number 2
    When time moves on to the template's due date number 3
    Then the customer has 3 draft invoices from the template, one for each due date
    And the template is active, its next invoice due on due date number 4
    When I pause the template
    Then the template is paused, with no next invoice
    When 3 more months pass
    Then the customer has 3 draft invoices from the template, one for each due date
    When I delete the template
    Then the template is gone
    And the customer has 3 draft invoices from the template, one for each due date

  Scenario: A paused template issues nothing when its due date passes
    When I set up a monthly invoice for 1 "Consulting hour" at 120.00 each, first due in 5 days
    And time moves on to the template's due date number 2
    Then the customer has 0 draft invoices from the template, one for each due date
    And the template is paused, with no next invoice
