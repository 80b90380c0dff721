package io.camelcount.component;

import javax.sql.DataSource;

import io.camelcount.component.auth.TokenStore;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of one {@code count:} endpoint. Set them on the component to share them between
 * endpoints; an endpoint URI overrides them. The options labelled {@code filter} (except {@code paginate}) are the
 * filters of the operation table ({@link io.camelcount.component.api.CountOperations}), which says what each
 * operation takes; the producer reads them by name, so a new filter is a row's entry and a field here.
 */
@UriParams
public class CountConfiguration implements Cloneable {

    @UriPath(description = "The COUNT API to call.", enums = "invoices,recurring-invoice-templates,customers,products,tags,tag-groups,accounts,transactions,webhooks")
    @Metadata(required = true)
    private String apiName;

    @UriParam(description = "The operation to perform on the API. invoices: list, create, get, update, delete, approve,"
                            + " send, addAttachments, uploadAttachments, publicLink, applyCredits, applyCreditToInvoices,"
                            + " removeCredit, auditLog, removeTransaction. recurring-invoice-templates: list, create, get, update, delete,"
                            + " pause, resume. customers: list, create, get, update, delete, findByEmail, bulkCreate,"
                            + " bulkUpdate. products: list, create, get, update, delete. tags: list, get, create, update,"
                            + " delete. tag-groups: list, get, create, update, delete. accounts: list. transactions: list,"
                            + " create, get, update, delete, assignToInvoices. webhooks: list, create, update, delete. A"
                            + " consumer of webhooks takes no operation: it receives COUNT's deliveries.",
              enums = "list,create,get,update,delete,approve,send,addAttachments,uploadAttachments,publicLink,applyCredits,"
                      + "applyCreditToInvoices,removeCredit,auditLog,removeTransaction,pause,resume,findByEmail,bulkCreate,"
                      + "bulkUpdate,assignToInvoices")
    @Metadata(required = true)
    private String operation;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "On the consumer's very first poll: true emits every matching record; false only remembers"
                            + " them, so that the route sees only later changes.")
    private boolean emitExisting = true;

    @UriParam(label = "consumer",
              description = "The file where the consumer remembers what it has emitted, so that a restart emits only what"
                            + " changed meanwhile. Defaults to a file under .camel-count/ named after the endpoint.")
    private String seenFile;

    @UriParam(label = "consumer,advanced",
              description = "Where the consumer remembers what it has emitted, instead of seenFile: any Camel"
                            + " IdempotentRepository (JDBC, Infinispan, ...), to share it between processes. For"
                            + " webhooks, the delivery IDs already routed (in memory by default); a file or JDBC"
                            + " repository keeps them across restarts and shares them between instances.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer",
              description = "For webhooks: the events to route, comma separated (invoice.created, invoice.updated,"
                            + " invoice.deleted, customer.created, customer.updated, customer.deleted,"
                            + " transaction.created, transaction.updated, transaction.deleted). A delivery of another"
                            + " event is acknowledged with 200 and not routed. Required.")
    private String events;

    @UriParam(label = "consumer", defaultValue = "/count/webhooks",
              description = "For webhooks: the path that receives COUNT's deliveries (POST only) on Camel's platform-http"
                            + " server, which the runtime provides (camel-platform-http-main, Spring Boot, Quarkus).")
    private String webhookPath = "/count/webhooks";

    @UriParam(label = "security", secret = true,
              description = "For webhooks: the subscription's signing secret, the key of the X-Webhook-Signature"
                            + " HMAC-SHA256 over each delivery's raw body. A delivery without a valid signature is"
                            + " answered 401 and not routed. Required by the webhooks consumer.")
    private String signingSecret;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "For webhooks: at start, make sure COUNT has a subscription for each event to callbackUrl,"
                            + " with signingSecret, creating what is missing; nothing is deleted on stop. Needs the"
                            + " connection options (clientId, clientSecret, accessToken).")
    private boolean subscribe;

    @UriParam(label = "consumer",
              description = "For webhooks with subscribe=true: the public URL COUNT posts deliveries to, which reaches"
                            + " webhookPath (https; http only for a loopback address).")
    private String callbackUrl;

    @UriParam(label = "filter", defaultValue = "one", enums = "one,all",
              description = "For list: one returns one page (a Page with its records and counts); all returns an"
                            + " Iterator over every record that fetches each page only when the route reaches it, for a"
                            + " streaming splitter.")
    private Paginate paginate = Paginate.one;

    @UriParam(label = "filter", description = "For list: the page to return, from 1. Header CamelCountPage overrides it.")
    private Integer page;

    @UriParam(label = "filter", description = "For list: records per page, 1 to 100 (COUNT's default is 20). Header"
                                              + " CamelCountLimit overrides it.")
    private Integer limit;

    @UriParam(label = "filter", description = "For list: text to search for (for invoices: the number, the customer's"
                                              + " name, the notes). Header CamelCountSearch overrides it.")
    private String search;

    @UriParam(label = "filter", description = "For invoices list: statuses to return, comma separated (draft, approved,"
                                              + " sent, partial, paid, overdue, open, applied).")
    private String status;

    @UriParam(label = "filter", enums = "draft,approved", description = "For invoices list: draft or approved.")
    private String approvalStatus;

    @UriParam(label = "filter", description = "For invoices list: only this customer's invoices.")
    private String customerUuid;

    @UriParam(label = "filter", description = "For invoices list: only these customers' invoices, comma separated.")
    private String customerUuids;

    @UriParam(label = "filter", description = "For invoices list: invoices dated on or after this day (YYYY-MM-DD). For"
                                              + " transactions list: transactions posted on or after this day.")
    private String startDate;

    @UriParam(label = "filter", description = "For invoices list: invoices dated on or before this day (YYYY-MM-DD). For"
                                              + " transactions list: transactions posted on or before this day.")
    private String endDate;

    @UriParam(label = "filter", enums = "invoice,estimate,memo", description = "For invoices list: only this type.")
    private String invoiceType;

    @UriParam(label = "filter", description = "For invoices list: true for drafts only, false for the rest. For"
                                              + " recurring-invoice-templates list: true (paused), false (active, COUNT's"
                                              + " default) or all.")
    private String isDraft;

    @UriParam(label = "filter", enums = "customer,email,createdAt,updatedAt",
              description = "For customers list: the field to order by: customer (the name), email, createdAt or updatedAt.")
    private String orderBy;

    @UriParam(label = "filter", enums = "asc,desc", description = "For customers list: asc or desc.")
    private String orderDirection;

    @UriParam(label = "filter", enums = "Assets,Liabilities,Equity,Income,Expenses",
              description = "For accounts list: only accounts of this type, spelt as COUNT spells it (plural, capitalised).")
    private String type;

    @UriParam(label = "filter", description = "For customers findByEmail: the email address to look for. Header CamelCountEmail"
                                              + " overrides it.")
    private String email;

    @UriParam(description = "The UUID of the resource the operation acts on, when the CamelCountUuid header is not set."
                            + " When neither is set, the UUID of a COUNT object in the message body is used.")
    private String uuid;

    @UriParam(label = "common", defaultValue = "https://api.getcount.com",
              description = "COUNT's base URL, without /partners. Point it at a COUNT sandbox or at the mock COUNT.")
    private String baseUrl = "https://api.getcount.com";

    @UriParam(label = "security", description = "The partner application's client ID, sent as x-client-id.")
    @Metadata(required = true)
    private String clientId;

    @UriParam(label = "security", secret = true,
              description = "The partner application's client secret: the key of every request's HMAC-SHA256 signature.")
    @Metadata(required = true)
    private String clientSecret;

    @UriParam(label = "security", secret = true,
              description = "The OAuth access token of the user who authorised the application, sent as a bearer token."
                            + " Required unless a tokenFile, tokenStore or dataSource holds the tokens that the login"
                            + " command wrote (then leave accessToken and refreshToken unset).")
    private String accessToken;

    @UriParam(label = "security", secret = true,
              description = "The OAuth refresh token that goes with the access token. COUNT rotates it on every refresh;"
                            + " the component stores each new pair in the token store before using it. The endpoints of"
                            + " the JVM with the same client ID and refresh token share their tokens, so they must name"
                            + " the same token store: one that names another fails to start.")
    private String refreshToken;

    @UriParam(label = "security",
              description = "A file that keeps the rotating tokens across restarts (written atomically, readable by the"
                            + " owner only). When it holds tokens for the client ID they win over accessToken and"
                            + " refreshToken, which are newer only until the first refresh. Without it, and without a"
                            + " tokenStore, tokens are kept in memory and a restart goes back to the configured ones. With"
                            + " no accessToken and refreshToken configured, the tokens are the ones the login command"
                            + " (or CountAuthorization) wrote to it for the client ID and baseUrl.")
    private String tokenFile;

    @UriParam(label = "security",
              description = "A custom TokenStore (for example a database or a vault) to keep rotating tokens in."
                            + " Overrides tokenFile.")
    private TokenStore tokenStore;

    @UriParam(label = "cluster",
              description = "A DataSource bean (such as a PostgreSQL database's) shared by every JVM of a cluster: the"
                            + " client ID's rate window and its grants' tokens are then kept there, so that the JVMs"
                            + " together keep to COUNT's rate limit and exactly one of them refreshes a grant's"
                            + " tokens. The component creates its tables if they are missing. A tokenStore overrides"
                            + " it for the tokens.")
    private DataSource dataSource;

    @UriParam(label = "security", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Refresh the access token this long before COUNT said it expires, in milliseconds. Every"
                            + " endpoint of the JVM with the same client ID and refreshToken shares one token manager;"
                            + " the first endpoint to start sets it, until the last one stops.")
    private long tokenRefreshMargin = 60_000;

    @UriParam(label = "advanced", defaultValue = "100",
              description = "COUNT's requests per rolling window for the client ID; 0 turns the limiter off. Every"
                            + " endpoint and route of the JVM that uses the client ID shares one limiter; the first"
                            + " endpoint to start sets it, until the last one stops.")
    private int rateLimit = 100;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The rate limit's rolling window, in milliseconds.")
    private long rateLimitWindow = 60_000;

    @UriParam(label = "producer", defaultValue = "fail", enums = "fail,answerExisting",
              description = "For invoices create with an invoiceNumber, when COUNT answers 409 because an invoice"
                            + " already has that number: fail throws CountConflictException; answerExisting looks that"
                            + " invoice up and answers it, with the header CamelCountExisting true, so a request"
                            + " delivered twice (a webhook, a file dropped again) creates nothing twice.")
    private DuplicateInvoiceNumber duplicateInvoiceNumber = DuplicateInvoiceNumber.fail;

    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration",
              description = "For customers findByEmail: how long a customer COUNT found by email, or created through"
                            + " the component, is answered from memory instead of asking COUNT, in milliseconds; 0"
                            + " always asks. The memory is the"
                            + " workspace's, shared by its endpoints in the JVM, and holds at most 10000 customers, the"
                            + " least recently used going first. A customer is forgotten as soon as COUNT answers 404"
                            + " for it (an invoice create that names it, a get) or it is updated or deleted through the"
                            + " component; a change made elsewhere (its email in COUNT's app) is seen after at most"
                            + " this long. An email COUNT does not know is never remembered.")
    private long customerCacheTtl;

    @UriParam(label = "advanced", defaultValue = "3",
              description = "How often a call is repeated after a 429, a server error or a lost connection. Only reads"
                            + " and changes that cannot happen twice are repeated after a server error or a lost"
                            + " connection; a create with an invoiceNumber is first looked up.")
    private int maxRetries = 3;

    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration",
              description = "The pause before the first repeat after a server error or a lost connection, in"
                            + " milliseconds; it doubles with each repeat.")
    private long retryBackoff = 500;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The longest wait COUNT's Retry-After is honoured for, in milliseconds.")
    private long maxRetryAfter = 60_000;

    public CountConfiguration copy() {
        try {
            return (CountConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getApiName() {
        return apiName;
    }

    public void setApiName(String apiName) {
        this.apiName = apiName;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public Paginate getPaginate() {
        return paginate;
    }

    public void setPaginate(Paginate paginate) {
        this.paginate = paginate;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getApprovalStatus() {
        return approvalStatus;
    }

    public void setApprovalStatus(String approvalStatus) {
        this.approvalStatus = approvalStatus;
    }

    public String getCustomerUuid() {
        return customerUuid;
    }

    public void setCustomerUuid(String customerUuid) {
        this.customerUuid = customerUuid;
    }

    public String getCustomerUuids() {
        return customerUuids;
    }

    public void setCustomerUuids(String customerUuids) {
        this.customerUuids = customerUuids;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getInvoiceType() {
        return invoiceType;
    }

    public void setInvoiceType(String invoiceType) {
        this.invoiceType = invoiceType;
    }

    public String getIsDraft() {
        return isDraft;
    }

    public void setIsDraft(String isDraft) {
        this.isDraft = isDraft;
    }

    public String getOrderBy() {
        return orderBy;
    }

    public void setOrderBy(String orderBy) {
        this.orderBy = orderBy;
    }

    public String getOrderDirection() {
        return orderDirection;
    }

    public void setOrderDirection(String orderDirection) {
        this.orderDirection = orderDirection;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getTokenFile() {
        return tokenFile;
    }

    public void setTokenFile(String tokenFile) {
        this.tokenFile = tokenFile;
    }

    public TokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(TokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public void setTokenRefreshMargin(long tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    public int getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    public long getRateLimitWindow() {
        return rateLimitWindow;
    }

    public void setRateLimitWindow(long rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    public DuplicateInvoiceNumber getDuplicateInvoiceNumber() {
        return duplicateInvoiceNumber;
    }

    public void setDuplicateInvoiceNumber(DuplicateInvoiceNumber duplicateInvoiceNumber) {
        this.duplicateInvoiceNumber = duplicateInvoiceNumber;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getCustomerCacheTtl() {
        return customerCacheTtl;
    }

    public void setCustomerCacheTtl(long customerCacheTtl) {
        this.customerCacheTtl = customerCacheTtl;
    }

    public long getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public boolean isEmitExisting() {
        return emitExisting;
    }

    public void setEmitExisting(boolean emitExisting) {
        this.emitExisting = emitExisting;
    }

    public String getSeenFile() {
        return seenFile;
    }

    public void setSeenFile(String seenFile) {
        this.seenFile = seenFile;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getSigningSecret() {
        return signingSecret;
    }

    public void setSigningSecret(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    public boolean isSubscribe() {
        return subscribe;
    }

    public void setSubscribe(boolean subscribe) {
        this.subscribe = subscribe;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }
}
