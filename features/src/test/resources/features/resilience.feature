@mock-only @isolated
Feature: Resilience
  Connections drop and servers fail. An invoice created with its own invoice number is never lost
  and never created twice: when COUNT's answer is lost, the component looks the number up before
  sending again. Without a number the component cannot tell, so it says the outcome is unknown
  rather than risk a duplicate.

  Background:
    Given a new customer "Wayne Enterprises"

  Scenario: A batch of numbered invoices ends with each invoice exactly once
    Given COUNT stores the next 2 invoices it creates but drops the connection before answering
    And COUNT then fails the next 2 creates with a server error, storing nothing
    When I create a batch of 6 invoices, each with its own invoice number
    Then every create in the batch answered its invoice
    And COUNT holds each invoice of the batch exactly once
    And every injected fault was hit

  Scenario: A lost answer to a create without a number is reported, not repeated
    Given COUNT stores the next 1 invoice it creates but drops the connection before answering
    When I try to create an invoice without an invoice number
    Then COUNT holds exactly 1 invoice for the customer
    And every injected fault was hit
