package io.camelcount.component;

import org.apache.camel.spi.Metadata;

/**
 * The exchange headers the {@code count:} component reads and writes.
 */
public final class CountConstants {

    @Metadata(label = "producer", javaType = "String",
              description = "The UUID of the resource to act on (get, approve, send, ...). Overrides the uuid option."
                            + " The consumers set it to each record's UUID (COUNT's id, or uuid in older answers).")
    public static final String UUID = "CamelCountUuid";

    @Metadata(label = "producer", javaType = "Integer",
              description = "For list: the page to return, from 1. Overrides the page option.")
    public static final String PAGE = "CamelCountPage";

    @Metadata(label = "producer", javaType = "Integer",
              description = "For list: records per page, 1 to 100. Overrides the limit option.")
    public static final String LIMIT = "CamelCountLimit";

    @Metadata(label = "producer", javaType = "String",
              description = "For list: text to search for. Overrides the search option.")
    public static final String SEARCH = "CamelCountSearch";

    @Metadata(label = "producer", javaType = "String",
              description = "For customers findByEmail: the email address to look for. Overrides the email option.")
    public static final String EMAIL = "CamelCountEmail";

    @Metadata(label = "producer", javaType = "java.util.Map<String, Object>",
              description = "Any filters of the operation by name (for example status, customerUuid, startDate), for"
                            + " filters that change per message. Overrides the options of the same name.")
    public static final String QUERY = "CamelCountQuery";

    @Metadata(label = "producer", javaType = "String",
              description = "For uploadAttachments: the file name COUNT shows. Defaults to CamelFileName, then to the"
                            + " file's own name.")
    public static final String FILE_NAME = "CamelCountFileName";

    @Metadata(label = "producer", javaType = "String",
              description = "For uploadAttachments: the file's content type. Defaults to one guessed from the file name,"
                            + " then application/octet-stream.")
    public static final String CONTENT_TYPE = "CamelCountContentType";

    @Metadata(label = "producer", javaType = "String",
              description = "Set after a call: the lifecycle status of the resource COUNT returned, such as draft,"
                            + " approved, sent or paid.")
    public static final String STATUS = "CamelCountStatus";

    @Metadata(label = "producer", javaType = "String",
              description = "Set after a call: COUNT's request ID for the call, to quote in support tickets.")
    public static final String REQUEST_ID = "CamelCountRequestId";

    @Metadata(label = "producer", javaType = "Long",
              description = "Set after list: how many records match the filters, on all pages. Absent when COUNT's"
                            + " answer did not say (some live routes do not); never estimated.")
    public static final String TOTAL_RECORDS = "CamelCountTotalRecords";

    @Metadata(label = "producer", javaType = "Integer",
              description = "Set after list: how many pages the matching records fill. Absent when COUNT's answer did"
                            + " not say (some live routes do not); never estimated. paginate=all and the consumer then end"
                            + " the list on totalRecords, else on a page shorter than the limit, else on an empty page.")
    public static final String TOTAL_PAGES = "CamelCountTotalPages";

    @Metadata(label = "producer", javaType = "java.util.List<io.camelcount.component.model.PartnerWarning>",
              description = "Set after an update when COUNT ignored fields it does not know or that are internal; each"
                            + " is also logged as a warning.")
    public static final String WARNINGS = "CamelCountWarnings";

    @Metadata(label = "producer", javaType = "Boolean",
              description = "Set after invoices create with duplicateInvoiceNumber=answerExisting: true when the"
                            + " invoice answered already had the request's invoiceNumber, so nothing was created.")
    public static final String EXISTING = "CamelCountExisting";

    @Metadata(label = "consumer", javaType = "String",
              description = "Set by the webhooks consumer: the event delivered, such as invoice.updated.")
    public static final String WEBHOOK_EVENT = "CamelCountWebhookEvent";

    @Metadata(label = "consumer", javaType = "String",
              description = "Set by the webhooks consumer: the delivery's ID (X-Webhook-Id), the same on every retry of"
                            + " one delivery; the consumer routes each ID once.")
    public static final String WEBHOOK_ID = "CamelCountWebhookId";

    @Metadata(label = "consumer", javaType = "java.time.Instant",
              description = "Set by the webhooks consumer: when the event happened in COUNT (the envelope's occurredAt);"
                            + " absent when COUNT did not send it. Deliveries may arrive out of order.")
    public static final String OCCURRED_AT = "CamelCountOccurredAt";

    @Metadata(label = "consumer", javaType = "String",
              description = "Set by the webhooks consumer: the ID of the COUNT workspace (team) the event happened in.")
    public static final String TEAM_ID = "CamelCountTeamId";

    @Metadata(label = "consumer", javaType = "Object",
              description = "Set by the webhooks consumer: the resource before the change (an update) or the deletion,"
                            + " as the same model as the body (Invoice, Customer, Transaction); absent when COUNT did not"
                            + " send it.")
    public static final String PREVIOUS_DATA = "CamelCountPreviousData";

    private CountConstants() {
    }
}
