package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /partners/recurring-invoice-templates} (contract §4), and the draft invoices active templates issue. */
class RecurringTemplateTest extends DemoWorkspaceTest {

    private static final String TEMPLATES = "/partners/recurring-invoice-templates";

    /** Acme, one consulting hour at 100, first due 2026-12-01, payable in 14 days. */
    private static String templateBody(String schedule) {
        return "{\"customerUuid\":\"" + Bodies.ACME + "\",\"date\":\"2026-12-01\",\"dueDate\":\"2026-12-15\","
                + "\"notes\":\"Monthly retainer\",\"products\":[{\"productUuid\":\"" + Bodies.CONSULTING
                + "\",\"quantity\":1,\"unitPrice\":100}]," + schedule + "}";
    }

    private String createTemplate(String schedule) {
        return created(partner.post(TEMPLATES, templateBody(schedule))).dataText("id");
    }

    private Reply resume(String uuid) {
        return partner.post(TEMPLATES + "/" + uuid + "/resume", null);
    }

    private Reply pause(String uuid) {
        return partner.post(TEMPLATES + "/" + uuid + "/pause", null);
    }

    private JsonNode invoices() {
        return ok(partner.get("/partners/invoices?limit=100")).records();
    }

    private static String dates(JsonNode invoices) {
        StringBuilder dates = new StringBuilder();
        invoices.forEach(invoice -> dates.append(dates.isEmpty() ? "" : " ").append(invoice.get("date").asText()));
        return dates.toString();
    }

    private Reply template(String uuid) {
        return ok(partner.get(TEMPLATES + "/" + uuid));
    }

    @Test
    void aNewTemplateIsPausedAndIssuesNothing() {
        Reply reply = created(partner.post(TEMPLATES, templateBody("\"recurrencePattern\":\"monthly\"")));

        assertThat(reply.text()).contains("\"invoiceType\":\"invoice\",\"customerUuid\":\"" + Bodies.ACME
                        + "\",\"customerName\":\"Acme Trading Ltd\",\"date\":\"2026-12-01\",\"dueDate\":\"2026-12-15\"",
                "\"recurrencePattern\":\"monthly\",\"recurrenceInterval\":1,\"inAdvanceCreationDays\":0,\"isDraft\":true,"
                        + "\"status\":\"paused\",\"subtotal\":100,\"total\":100,\"nextRunDate\":null,\"lastRunDate\":null");
        assertThat(reply.data().has("invoiceNumber")).isFalse();

        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        assertThat(invoices()).isEmpty();
    }

    @Test
    void anActiveTemplateIssuesADraftOnEachDueDateAsTheClockPasses() {
        String uuid = createTemplate("\"recurrencePattern\":\"monthly\"");

        Reply resumed = ok(resume(uuid));
        assertThat(resumed.text()).contains("\"isDraft\":false,\"status\":\"active\"", "\"nextRunDate\":\"2026-12-01\",\"lastRunDate\":null");
        assertThat(invoices()).isEmpty();

        clock.advance(Duration.ofDays(92));

        JsonNode invoices = invoices();
        assertThat(dates(invoices)).isEqualTo("2026-12-01 2027-01-01 2027-02-01");
        assertThat(invoices.findValuesAsText("invoiceNumber")).containsExactly("INV-0001", "INV-0002", "INV-0003");
        assertThat(invoices.findValuesAsText("status")).containsOnly("draft");
        assertThat(invoices.get(1).get("dueDate").asText()).isEqualTo("2027-01-15");
        assertThat(invoices.get(1).get("notes").asText()).isEqualTo("Monthly retainer");
        assertThat(invoices.get(1).get("total").asInt()).isEqualTo(100);
        assertThat(invoices.get(2).get("createdAt").asText()).isEqualTo("2027-02-24T10:00:00Z");
        assertThat(template(uuid).text()).contains("\"nextRunDate\":\"2027-03-01\",\"lastRunDate\":\"2027-02-01\"");

        JsonNode history = ok(partner.get("/partners/invoices/" + invoices.get(0).get("id").asText() + "/audit-log")).records();
        assertThat(history.get(0).get("actor").asText()).isEqualTo("recurring-template:" + uuid);
    }

    @Test
    void aTemplateDatedTodayIssuesItsFirstInvoiceWhenResumed() {
        String uuid = created(partner.post(TEMPLATES, templateBody("\"recurrencePattern\":\"weekly\"")
                .replace("2026-12-01", "2026-11-24").replace("2026-12-15", "2026-11-24"))).dataText("id");

        Reply resumed = ok(resume(uuid));

        assertThat(resumed.text()).contains("\"nextRunDate\":\"2026-12-01\",\"lastRunDate\":\"2026-11-24\"");
        assertThat(dates(invoices())).isEqualTo("2026-11-24");
    }

    @Test
    void invoicesAreIssuedInAdvanceWhenAsked() {
        String uuid = createTemplate("\"recurrencePattern\":\"monthly\",\"inAdvanceCreationDays\":5");
        ok(resume(uuid));

        clock.set(Instant.parse("2026-11-25T23:59:59Z"));
        assertThat(invoices()).isEmpty();

        clock.set(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(dates(invoices())).isEqualTo("2026-12-01");
        assertThat(template(uuid).text()).contains("\"nextRunDate\":\"2027-01-01\",\"lastRunDate\":\"2026-12-01\"");

        clock.set(Instant.parse("2026-12-26T00:00:00Z"));
        assertThat(dates(invoices())).isEqualTo("2026-12-01");
        clock.set(Instant.parse("2026-12-27T00:00:00Z"));
        assertThat(dates(invoices())).isEqualTo("2026-12-01 2027-01-01");
    }

    @Test
    void aPausedTemplateIssuesNothingAndResumingDoesNotBackDate() {
        String uuid = createTemplate("\"recurrencePattern\":\"monthly\"");
        ok(resume(uuid));
        clock.set(Instant.parse("2026-12-10T10:00:00Z"));

        Reply paused = ok(pause(uuid));
        assertThat(paused.text()).contains("\"isDraft\":true,\"status\":\"paused\"", "\"nextRunDate\":null,\"lastRunDate\":\"2026-12-01\"");
        assertThat(dates(invoices())).isEqualTo("2026-12-01");

        clock.set(Instant.parse("2027-03-15T10:00:00Z"));
        assertThat(dates(invoices())).isEqualTo("2026-12-01");

        assertThat(ok(resume(uuid)).dataText("nextRunDate")).isEqualTo("2027-04-01");
        clock.set(Instant.parse("2027-04-01T00:00:00Z"));
        assertThat(dates(invoices())).isEqualTo("2026-12-01 2027-04-01");
    }

    @Test
    void pausingAPausedTemplateOrResumingAnActiveOneIsRefused() {
        String uuid = createTemplate("\"recurrencePattern\":\"monthly\"");

        Reply pausedAgain = pause(uuid);
        assertThat(pausedAgain.status()).isEqualTo(400);
        assertThat(pausedAgain.code()).isEqualTo("template_not_active");

        ok(resume(uuid));
        Reply resumedAgain = resume(uuid);
        assertThat(resumedAgain.status()).isEqualTo(400);
        assertThat(resumedAgain.code()).isEqualTo("template_not_paused");
        assertThat(template(uuid).dataText("status")).isEqualTo("active");
    }

    @ParameterizedTest
    @CsvSource({
            "daily,      1, 2026-12-01 2026-12-02 2026-12-03",
            "weekly,     1, 2026-12-01 2026-12-08 2026-12-15",
            "biweekly,   1, 2026-12-01 2026-12-15 2026-12-29",
            "bi-weekly,  1, 2026-12-01 2026-12-15 2026-12-29",
            "weekly,     2, 2026-12-01 2026-12-15 2026-12-29",
            "monthly,    2, 2026-12-01 2027-02-01 2027-04-01",
            "quarterly,  1, 2026-12-01 2027-03-01 2027-06-01",
            "yearly,     1, 2026-12-01 2027-12-01 2028-12-01"})
    void patternAndIntervalSpaceTheDueDates(String pattern, int interval, String expected) {
        String uuid = createTemplate("\"recurrencePattern\":\"" + pattern + "\",\"recurrenceInterval\":" + interval);
        ok(resume(uuid));
        String[] dates = expected.split(" ");

        clock.set(Instant.parse(dates[2] + "T00:00:00Z"));

        assertThat(dates(invoices())).isEqualTo(expected);
        assertThat(template(uuid).dataText("recurrencePattern")).isEqualTo(pattern.replace("-", ""));
    }

    @Test
    void aMonthlyScheduleFromTheThirtyFirstComesBackToIt() {
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        String uuid = created(partner.post(TEMPLATES, templateBody("\"recurrencePattern\":\"monthly\"")
                .replace("2026-12-01", "2027-01-31").replace("2026-12-15", "2027-01-31"))).dataText("id");
        ok(resume(uuid));

        clock.set(Instant.parse("2027-03-31T00:00:00Z"));

        assertThat(dates(invoices())).isEqualTo("2027-01-31 2027-02-28 2027-03-31");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"recurrencePattern\":\"fortnightly\"                         | 400 | validation_failed | recurrencePattern",
            "\"recurrencePattern\":null                                    | 400 | validation_failed | recurrencePattern",
            "\"recurrencePattern\":\"Monthly\"                             | 400 | validation_failed | recurrencePattern",
            "\"recurrencePattern\":\"monthly\",\"recurrenceInterval\":0    | 400 | validation_failed | recurrenceInterval",
            "\"recurrencePattern\":\"monthly\",\"recurrenceInterval\":1.5  | 400 | validation_failed | recurrenceInterval",
            "\"recurrencePattern\":\"monthly\",\"recurrenceInterval\":\"2\" | 400 | validation_failed | recurrenceInterval",
            "\"recurrencePattern\":\"monthly\",\"recurrenceInterval\":1000 | 400 | validation_failed | recurrenceInterval",
            "\"recurrencePattern\":\"monthly\",\"inAdvanceCreationDays\":-1 | 400 | validation_failed | inAdvanceCreationDays",
            "\"recurrencePattern\":\"monthly\",\"inAdvanceCreationDays\":366 | 400 | validation_failed | inAdvanceCreationDays",
            "\"recurrencePattern\":\"monthly\",\"invoiceType\":\"memo\"    | 400 | validation_failed | invoiceType",
            "\"recurrencePattern\":\"monthly\",\"invoiceNumber\":\"R-1\"   | 400 | validation_failed | invoiceNumber",
            "\"recurrencePattern\":\"monthly\",\"isDraft\":false           | 400 | validation_failed | isDraft",
            "\"recurrencePattern\":\"monthly\",\"customerUuid\":\"0b1e7a40-0000-4000-8000-000000000000\" | 404 | not_found | customerUuid",
            "\"recurrencePattern\":\"monthly\",\"products\":[]             | 400 | validation_failed | products"})
    void badTemplatesAreRefused(String schedule, int status, String code, String field) {
        Reply reply = partner.post(TEMPLATES, templateBody(schedule));

        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.message()).contains(field);
        assertThat(ok(partner.get(TEMPLATES + "?isDraft=all")).records()).isEmpty();
    }

    @Test
    void anEstimateCanRecur() {
        String uuid = createTemplate("\"recurrencePattern\":\"yearly\",\"invoiceType\":\"estimate\"");
        ok(resume(uuid));
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(invoices().findValuesAsText("invoiceNumber")).containsExactly("EST-0001");
    }

    @Test
    void theListShowsActiveTemplatesUnlessToldOtherwise() {
        String paused = createTemplate("\"recurrencePattern\":\"monthly\"");
        String active = created(partner.post(TEMPLATES, templateBody("\"recurrencePattern\":\"weekly\"")
                .replace(Bodies.ACME, Bodies.GLOBEX).replace("Monthly retainer", "Weekly cleaning"))).dataText("id");
        ok(resume(active));

        assertThat(ok(partner.get(TEMPLATES)).recordTexts("id")).containsExactly(active);
        assertThat(ok(partner.get(TEMPLATES + "?isDraft=false")).recordTexts("id")).containsExactly(active);
        assertThat(ok(partner.get(TEMPLATES + "?isDraft=true")).recordTexts("id")).containsExactly(paused);
        assertThat(ok(partner.get(TEMPLATES + "?isDraft=all")).recordTexts("id")).containsExactly(paused, active);
        assertThat(ok(partner.get(TEMPLATES + "?isDraft=all&search=globex")).recordTexts("id")).containsExactly(active);
        assertThat(ok(partner.get(TEMPLATES + "?isDraft=all&search=RETAINER")).recordTexts("id")).containsExactly(paused);
        Reply secondPage = ok(partner.get(TEMPLATES + "?isDraft=all&limit=1&page=2"));
        assertThat(secondPage.recordTexts("id")).containsExactly(active);
        assertThat(secondPage.text()).contains("\"page\":2,\"limit\":1,\"totalRecords\":2,\"totalPages\":2");

        for (String query : new String[] {"isDraft=maybe", "page=0", "limit=500"}) {
            Reply refused = partner.get(TEMPLATES + "?" + query);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.message()).contains(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void anUpdateChangesOnlyTheFieldsSentAndReportsTheIgnoredOnes() {
        String uuid = createTemplate("\"recurrencePattern\":\"monthly\"");
        ok(resume(uuid));

        Reply reply = ok(partner.patch(TEMPLATES + "/" + uuid, "{\"notes\":\"New terms\",\"inAdvanceCreationDays\":3,"
                + "\"isDraft\":true,\"nextRunDate\":\"2030-01-01\",\"colour\":\"red\"}"));

        assertThat(reply.text()).contains("\"notes\":\"New terms\"", "\"inAdvanceCreationDays\":3,\"isDraft\":false",
                "\"nextRunDate\":\"2026-12-01\"", "\"date\":\"2026-12-01\"", "\"recurrencePattern\":\"monthly\"");
        assertThat(reply.json().get("_partnerWarnings").findValuesAsText("field")).containsExactly("isDraft", "nextRunDate", "colour");
        assertThat(reply.json().get("_partnerWarnings").findValuesAsText("reason"))
                .containsExactly("internal_only", "internal_only", "unknown_field");

        clock.set(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(invoices().findValuesAsText("notes")).containsExactly("New terms");
    }

    @Test
    void movingTheDateRestartsTheSchedule() {
        String uuid = createTemplate("\"recurrencePattern\":\"monthly\"");
        ok(resume(uuid));

        Reply reply = ok(partner.patch(TEMPLATES + "/" + uuid, "{\"date\":\"2027-01-15\",\"dueDate\":\"2027-01-29\","
                + "\"recurrencePattern\":\"bi-weekly\"}"));

        assertThat(reply.text()).contains("\"recurrencePattern\":\"biweekly\"", "\"nextRunDate\":\"2027-01-15\"");
        clock.set(Instant.parse("2027-01-29T00:00:00Z"));
        assertThat(dates(invoices())).isEqualTo("2027-01-15 2027-01-29");
    }

    @Test
    void badUpdatesAreRefusedAndChangeNothing() {
        String uuid = createTemplate("\"recurrencePattern\":\"monthly\"");
        JsonNode before = template(uuid).data();

        for (String body : new String[] {"{\"recurrencePattern\":\"hourly\"}", "{\"invoiceType\":\"memo\"}",
                "{\"recurrenceInterval\":0}", "{\"invoiceNumber\":\"R-1\"}", "{\"dueDate\":\"2026-01-01\"}", "not json"}) {
            Reply refused = partner.patch(TEMPLATES + "/" + uuid, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
        }
        assertThat(template(uuid).data()).isEqualTo(before);
    }

    @Test
    void aDeletedTemplateIsGoneButItsInvoicesStay() {
        String uuid = createTemplate("\"recurrencePattern\":\"monthly\"");
        ok(resume(uuid));
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(ok(partner.delete(TEMPLATES + "/" + uuid)).dataText("id")).isEqualTo(uuid);

        assertThat(partner.get(TEMPLATES + "/" + uuid).status()).isEqualTo(404);
        assertThat(partner.delete(TEMPLATES + "/" + uuid).status()).isEqualTo(404);
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        assertThat(dates(invoices())).isEqualTo("2026-12-01");
    }

    @Test
    void unknownTemplatesAreNotFoundAndMalformedIdsRefused() {
        String unknown = UUID.randomUUID().toString();
        for (Reply reply : new Reply[] {partner.get(TEMPLATES + "/" + unknown), pause(unknown), resume(unknown),
                partner.patch(TEMPLATES + "/" + unknown, "{\"notes\":\"x\"}")}) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("not_found");
        }
        assertThat(partner.get(TEMPLATES + "/monthly").message()).contains("uuid");
    }
}
