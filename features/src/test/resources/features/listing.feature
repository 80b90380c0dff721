Feature: Listing invoices
  A partner finds invoices by status, customer, date and kind of document, searches them, and reads
  long lists page by page or all at once. Each document below is known by the reference in its notes.

  Background:
    Given a new customer "Umbrella Corp"

  Scenario: Filtered by status
    Given the customer has these documents:
      | reference | state    |
      | A         | draft    |
      | B         | approved |
      | C         | sent     |
      | D         | sent     |
    When I list the customer's invoices with status "sent"
    Then the list shows "C, D"
    When I list the customer's invoices with status "draft"
    Then the list shows "A"
    When I list the customer's invoices with status "approved,draft"
    Then the list shows "A, B"

  Scenario: Filtered by customer
    Given the customer has these documents:
      | reference |
      | Mine 1    |
      | Mine 2    |
    And a new customer "Stark Industries"
    And the customer has these documents:
      | reference |
      | Theirs 1  |
    When I list the invoices of customer "Umbrella Corp"
    Then the list shows "Mine 1, Mine 2"
    When I list the invoices of customer "Stark Industries"
    Then the list shows "Theirs 1"

  Scenario: Filtered by date, both ends included
    Given the customer has these documents:
      | reference | date       |
      | September | 2026-09-30 |
      | First     | 2026-10-01 |
      | Middle    | 2026-10-15 |
      | Last      | 2026-10-31 |
      | November  | 2026-11-01 |
    When I list the customer's invoices dated from 2026-10-01 to 2026-10-31
    Then the list shows "First, Middle, Last"

  Scenario: Filtered by kind of document
    Given the customer has these documents:
      | reference | type        |
      | Bill      | invoice     |
      | Quote     | estimate    |
      | Refund    | credit memo |
      | Bill 2    | invoice     |
    When I list the customer's estimates
    Then the list shows "Quote"
    When I list the customer's credit memos
    Then the list shows "Refund"
    When I list the customer's invoices
    Then the list shows "Bill, Bill 2"
    When I list all the customer's documents
    Then the list shows "Bill, Quote, Refund, Bill 2"

  Scenario: Searched by a word in the notes
    Given the customer has these documents:
      | reference              |
      | Roof repair block 7   |
      | Window cleaning        |
      | ROOF inspection        |
    When I search the customer's invoices for "roof"
    Then the list shows "Roof repair block 7, ROOF inspection"

  Scenario: Read page by page
    Given the customer has 5 approved invoices
    When I read the customer's invoices 2 per page
    Then page 1 holds "Item 1, Item 2"
    And page 2 holds "Item 3, Item 4"
    And page 3 holds "Item 5"
    And page 4 holds ""
    And COUNT reports 5 invoices on 3 pages

  Scenario: Every invoice, fetched page by page as the route consumes them
    Given the customer has 7 approved invoices
    When I go through all the customer's invoices, 3 per page
    Then I get "Item 1, Item 2, Item 3, Item 4, Item 5, Item 6, Item 7"
