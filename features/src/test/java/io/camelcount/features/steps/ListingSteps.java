package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelcount.component.CountConstants;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Page;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.CountTarget;
import io.camelcount.features.support.CustomersAndProducts;
import io.camelcount.features.support.DocumentStatus;
import io.camelcount.features.support.InvoiceJourney;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.apache.camel.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists through {@code count:invoices?operation=list}. Every list is narrowed to the scenario's own customers,
 * so other scenarios' invoices never show; a document is known by the reference written in its notes.
 */
public class ListingSteps {

    private final CountClient count;
    private final InvoiceJourney journey;
    private final CustomersAndProducts customersAndProducts;
    private List<String> listed = List.of();
    private final Map<Integer, List<String>> pages = new HashMap<>();
    /** COUNT's counts as it sent them on the pages read; null when it sent none (contract §2: never invented). */
    private Long totalRecords;
    private Integer totalPages;

    public ListingSteps(CountClient count, InvoiceJourney journey, CustomersAndProducts customersAndProducts) {
        this.count = count;
        this.journey = journey;
        this.customersAndProducts = customersAndProducts;
    }

    /**
     * A row of "the customer has these documents": its reference (kept in {@code notes}), its COUNT
     * {@code invoiceType}, the state it is brought to (draft, approved or sent) and its date (today when absent).
     */
    public record Document(String reference, String invoiceType, DocumentStatus state, LocalDate date) {

        static Document approvedInvoice(String reference) {
            return new Document(reference, "invoice", DocumentStatus.APPROVED, null);
        }
    }

    @Given("the customer has these documents:")
    public void theCustomerHas(List<Document> rows) {
        for (Document row : rows) {
            DocumentStatus state = row.state();
            Map<String, Object> request = journey.request(row.invoiceType(), 1, "Consulting hour",
                    new BigDecimal("120"), state != DocumentStatus.APPROVED && state != DocumentStatus.SENT);
            LocalDate date = row.date() == null ? CountTarget.today() : row.date();
            request.put("date", date.toString());
            LocalDate later = date.isAfter(CountTarget.today()) ? date : CountTarget.today();
            request.put("dueDate", later.plusDays(30).toString());
            request.put("notes", row.reference());
            Invoice created = journey.create(request);
            if (state == DocumentStatus.SENT) {
                journey.invoice(count.invoices("send", created.getUuid(), null));
            }
            journey.name(row.reference(), journey.invoice());
        }
    }

    @Given("the customer has {int} approved invoices")
    public void theCustomerHasMany(int how) {
        List<Document> rows = new ArrayList<>();
        for (int i = 1; i <= how; i++) {
            rows.add(Document.approvedInvoice("Item " + i));
        }
        theCustomerHas(rows);
    }

    @When("I list all the customer's documents")
    public void listAll() {
        list(Map.of());
    }

    @When("I list the customer's invoices with status {statuses}")
    public void listByStatus(List<DocumentStatus> statuses) {
        list(Map.of("status", statuses.stream().map(DocumentStatus::word).collect(Collectors.joining(","))));
    }

    @When("I list the customer's {documents}")
    public void listByType(String invoiceType) {
        list(Map.of("invoiceType", invoiceType));
    }

    @When("I list the customer's invoices dated from {date} to {date}")
    public void listByDate(LocalDate from, LocalDate to) {
        list(Map.of("startDate", from.toString(), "endDate", to.toString()));
    }

    @When("I list the invoices of customer {string}")
    public void listOfCustomer(String name) {
        journey.customer(customersAndProducts.customer(name));
        list(Map.of());
    }

    @When("I search the customer's invoices for {string}")
    public void search(String text) {
        Message reply = count.exchange("count:invoices?operation=list", null,
                Map.of(CountConstants.SEARCH, text, CountConstants.QUERY, Map.of("customerUuid", journey.customerUuid())));
        listed = references(reply.getBody(Page.class));
    }

    private void list(Map<String, Object> filters) {
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("customerUuid", journey.customerUuid());
        Message reply = count.exchange("count:invoices?operation=list&limit=100", null, Map.of(CountConstants.QUERY, query));
        Page<?> page = reply.getBody(Page.class);
        listed = references(page);
        assertThat(reply.getHeader(CountConstants.TOTAL_RECORDS, Long.class)).as("total records header")
                .isEqualTo(page.totalRecords());
        if (page.totalRecords() != null) {
            assertThat(page.totalRecords()).as("COUNT's totalRecords").isEqualTo(listed.size());
        }
    }

    @When("I read the customer's invoices {int} per page")
    public void readPages(int limit) {
        // Until the first empty page: COUNT may leave out totalPages and totalRecords (contract §2), so the
        // suite reads the pages as a client that knows neither would, and one past the end.
        for (int number = 1; ; number++) {
            Message reply = count.exchange("count:invoices?operation=list", null, Map.of(
                    CountConstants.PAGE, number, CountConstants.LIMIT, limit,
                    CountConstants.QUERY, Map.of("customerUuid", journey.customerUuid())));
            Page<?> page = reply.getBody(Page.class);
            assertThat(page.page()).isEqualTo(number);
            assertThat(page.limit()).isEqualTo(limit);
            assertThat(reply.getHeader(CountConstants.TOTAL_RECORDS, Long.class)).isEqualTo(page.totalRecords());
            assertThat(reply.getHeader(CountConstants.TOTAL_PAGES, Integer.class)).isEqualTo(page.totalPages());
            if (page.totalRecords() != null) {
                totalRecords = page.totalRecords();
            }
            if (page.totalPages() != null) {
                totalPages = page.totalPages();
            }
            pages.put(number, references(page));
            if (page.records().isEmpty()) {
                return;
            }
        }
    }

    @When("I go through all the customer's invoices, {int} per page")
    public void paginateAll(int limit) {
        Message reply = count.exchange("count:invoices?operation=list&paginate=all&limit=" + limit, null,
                Map.of(CountConstants.QUERY, Map.of("customerUuid", journey.customerUuid())));
        assertThat(reply.getBody()).as("paginate=all answers an iterator").isInstanceOf(Iterator.class);
        List<String> seen = new ArrayList<>();
        Iterator<?> records = (Iterator<?>) reply.getBody();
        while (records.hasNext()) {
            seen.add(((Invoice) records.next()).getNotes());
        }
        listed = seen;
    }

    @Then("the list shows {references}")
    @Then("I get {references}")
    public void theListShows(List<String> expected) {
        assertThat(listed).containsExactlyElementsOf(expected);
    }

    @Then("page {int} holds {references}")
    public void pageHolds(int number, List<String> expected) {
        assertThat(pages.get(number)).as("page %d", number).containsExactlyElementsOf(expected);
    }

    @Then("COUNT reports {int} invoices on {int} pages")
    public void counts(int records, int pageCount) {
        List<List<String>> filled = pages.values().stream().filter(page -> !page.isEmpty()).toList();
        assertThat(filled).as("pages with invoices").hasSize(pageCount);
        assertThat(filled.stream().mapToInt(List::size).sum()).as("invoices on those pages").isEqualTo(records);
        if (totalRecords != null) {
            assertThat(totalRecords).as("COUNT's totalRecords").isEqualTo(records);
        }
        if (totalPages != null) {
            assertThat(totalPages).as("COUNT's totalPages").isEqualTo(pageCount);
        }
    }

    private static List<String> references(Page<?> page) {
        return page.records().stream().map(record -> ((Invoice) record).getNotes()).toList();
    }
}
