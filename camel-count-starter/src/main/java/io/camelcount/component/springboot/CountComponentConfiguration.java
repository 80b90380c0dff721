package io.camelcount.component.springboot;

import javax.sql.DataSource;

import io.camelcount.component.CountConfiguration;
import io.camelcount.component.DuplicateInvoiceNumber;
import io.camelcount.component.Paginate;
import io.camelcount.component.auth.TokenStore;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every option of the {@code count:} component as {@code camel.component.count.*}, with the component's own
 * descriptions and defaults: CountStarterMetadataTest holds the metadata written from this class to count.json.
 * Durations are in milliseconds, as the component takes them. The auto-configuration copies every option that is set
 * onto the component.
 */
@ConfigurationProperties(prefix = "camel.component.count")
public class CountComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the count component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * COUNT's base URL, without /partners. Point it at a COUNT sandbox or at the mock COUNT.
     */
    private String baseUrl = "https://api.getcount.com";
    /**
     * Options shared by every endpoint of this component; an endpoint URI overrides them.
     */
    private CountConfiguration configuration;
    /**
     * The operation to perform on the API. invoices: list, create, get, update, delete, approve, send, addAttachments,
     * uploadAttachments, publicLink, applyCredits, applyCreditToInvoices, removeCredit, auditLog, removeTransaction.
     * recurring-invoice-templates: list, create, get, update, delete, pause, resume. customers: list, create, get,
     * update, delete, findByEmail, bulkCreate, bulkUpdate. products: list, create, get, update, delete. tags: list,
     * get, create, update, delete. tag-groups: list, get, create, update, delete. accounts: list. transactions: list,
     * create, get, update, delete, assignToInvoices. webhooks: list, create, update, delete. A consumer of webhooks
     * takes no operation: it receives COUNT's deliveries.
     */
    private String operation;
    /**
     * The UUID of the resource the operation acts on, when the CamelCountUuid header is not set. When neither is set,
     * the UUID of a COUNT object in the message body is used.
     */
    private String uuid;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * For webhooks with subscribe=true: the public URL COUNT posts deliveries to, which reaches webhookPath (https;
     * http only for a loopback address).
     */
    private String callbackUrl;
    /**
     * On the consumer's very first poll: true emits every matching record; false only remembers them, so that the route
     * sees only later changes.
     */
    private Boolean emitExisting = true;
    /**
     * For webhooks: the events to route, comma separated (invoice.created, invoice.updated, invoice.deleted,
     * customer.created, customer.updated, customer.deleted, transaction.created, transaction.updated,
     * transaction.deleted). A delivery of another event is acknowledged with 200 and not routed. Required.
     */
    private String events;
    /**
     * The file where the consumer remembers what it has emitted, so that a restart emits only what changed meanwhile.
     * Defaults to a file under .camel-count/ named after the endpoint.
     */
    private String seenFile;
    /**
     * For webhooks: at start, make sure COUNT has a subscription for each event to callbackUrl, with signingSecret,
     * creating what is missing; nothing is deleted on stop. Needs the connection options (clientId, clientSecret,
     * accessToken).
     */
    private Boolean subscribe = false;
    /**
     * For webhooks: the path that receives COUNT's deliveries (POST only) on Camel's platform-http server, which the
     * runtime provides (camel-platform-http-main, Spring Boot, Quarkus).
     */
    private String webhookPath = "/count/webhooks";
    /**
     * Where the consumer remembers what it has emitted, instead of seenFile: any Camel IdempotentRepository (JDBC,
     * Infinispan, ...), to share it between processes. For webhooks, the delivery IDs already routed (in memory by
     * default); a file or JDBC repository keeps them across restarts and shares them between instances.
     */
    private IdempotentRepository idempotentRepository;
    /**
     * For customers findByEmail: how long a customer COUNT found by email, or created through the component, is
     * answered from memory instead of asking COUNT, in milliseconds; 0 always asks. The memory is the workspace's,
     * shared by its endpoints in the JVM, and holds at most 10000 customers, the least recently used going first. A
     * customer is forgotten as soon as COUNT answers 404 for it (an invoice create that names it, a get) or it is
     * updated or deleted through the component; a change made elsewhere (its email in COUNT's app) is seen after at
     * most this long. An email COUNT does not know is never remembered.
     */
    private Long customerCacheTtl = 0L;
    /**
     * For invoices create with an invoiceNumber, when COUNT answers 409 because an invoice already has that number:
     * fail throws CountConflictException; answerExisting looks that invoice up and answers it, with the header
     * CamelCountExisting true, so a request delivered twice (a webhook, a file dropped again) creates nothing twice.
     */
    private DuplicateInvoiceNumber duplicateInvoiceNumber = DuplicateInvoiceNumber.fail;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * How long to wait for a connection to COUNT, in milliseconds.
     */
    private Long connectTimeout = 10000L;
    /**
     * The most connections to COUNT open at once, for all endpoints of this component together.
     */
    private Integer maxConnections = 20;
    /**
     * How often a call is repeated after a 429, a server error or a lost connection. Only reads and changes that cannot
     * happen twice are repeated after a server error or a lost connection; a create with an invoiceNumber is first
     * looked up.
     */
    private Integer maxRetries = 3;
    /**
     * The longest wait COUNT's Retry-After is honoured for, in milliseconds.
     */
    private Long maxRetryAfter = 60000L;
    /**
     * COUNT's requests per rolling window for the client ID; 0 turns the limiter off. Every endpoint and route of the
     * JVM that uses the client ID shares one limiter; the first endpoint to start sets it, until the last one stops.
     */
    private Integer rateLimit = 100;
    /**
     * The rate limit's rolling window, in milliseconds.
     */
    private Long rateLimitWindow = 60000L;
    /**
     * How long to wait for COUNT's answer once the request is sent, in milliseconds.
     */
    private Long responseTimeout = 60000L;
    /**
     * The pause before the first repeat after a server error or a lost connection, in milliseconds; it doubles with
     * each repeat.
     */
    private Long retryBackoff = 500L;
    /**
     * A DataSource bean (such as a PostgreSQL database's) shared by every JVM of a cluster: the client ID's rate window
     * and its grants' tokens are then kept there, so that the JVMs together keep to COUNT's rate limit and exactly one
     * of them refreshes a grant's tokens. The component creates its tables if they are missing. A tokenStore overrides
     * it for the tokens.
     */
    private DataSource dataSource;
    /**
     * For invoices list: draft or approved.
     */
    private String approvalStatus;
    /**
     * For invoices list: only this customer's invoices.
     */
    private String customerUuid;
    /**
     * For invoices list: only these customers' invoices, comma separated.
     */
    private String customerUuids;
    /**
     * For customers findByEmail: the email address to look for. Header CamelCountEmail overrides it.
     */
    private String email;
    /**
     * For invoices list: invoices dated on or before this day (YYYY-MM-DD). For transactions list: transactions posted
     * on or before this day.
     */
    private String endDate;
    /**
     * For invoices list: only this type.
     */
    private String invoiceType;
    /**
     * For invoices list: true for drafts only, false for the rest. For recurring-invoice-templates list: true (paused),
     * false (active, COUNT's default) or all.
     */
    private String isDraft;
    /**
     * For list: records per page, 1 to 100 (COUNT's default is 20). Header CamelCountLimit overrides it.
     */
    private Integer limit;
    /**
     * For customers list: the field to order by: customer (the name), email, createdAt or updatedAt.
     */
    private String orderBy;
    /**
     * For customers list: asc or desc.
     */
    private String orderDirection;
    /**
     * For list: the page to return, from 1. Header CamelCountPage overrides it.
     */
    private Integer page;
    /**
     * For list: one returns one page (a Page with its records and counts); all returns an Iterator over every record
     * that fetches each page only when the route reaches it, for a streaming splitter.
     */
    private Paginate paginate = Paginate.one;
    /**
     * For list: text to search for (for invoices: the number, the customer's name, the notes). Header CamelCountSearch
     * overrides it.
     */
    private String search;
    /**
     * For invoices list: invoices dated on or after this day (YYYY-MM-DD). For transactions list: transactions posted
     * on or after this day.
     */
    private String startDate;
    /**
     * For invoices list: statuses to return, comma separated (draft, approved, sent, partial, paid, overdue, open,
     * applied).
     */
    private String status;
    /**
     * For accounts list: only accounts of this type, spelt as COUNT spells it (plural, capitalised).
     */
    private String type;
    /**
     * The host of an HTTP proxy to reach COUNT through.
     */
    private String proxyHost;
    /**
     * The port of the HTTP proxy; required with proxyHost.
     */
    private Integer proxyPort;
    /**
     * The OAuth access token of the user who authorised the application, sent as a bearer token. Required unless a
     * tokenFile, tokenStore or dataSource holds the tokens that the login command wrote (then leave accessToken and
     * refreshToken unset). A secret: Actuator's /configprops and /env show it masked.
     */
    private String accessToken;
    /**
     * The partner application's client ID, sent as x-client-id.
     */
    private String clientId;
    /**
     * The partner application's client secret: the key of every request's HMAC-SHA256 signature. A secret: Actuator's
     * /configprops and /env show it masked.
     */
    private String clientSecret;
    /**
     * The OAuth refresh token that goes with the access token. COUNT rotates it on every refresh; the component stores
     * each new pair in the token store before using it. The endpoints of the JVM with the same client ID and refresh
     * token share their tokens, so they must name the same token store: one that names another fails to start. A
     * secret: Actuator's /configprops and /env show it masked.
     */
    private String refreshToken;
    /**
     * For webhooks: the subscription's signing secret, the key of the X-Webhook-Signature HMAC-SHA256 over each
     * delivery's raw body. A delivery without a valid signature is answered 401 and not routed. Required by the
     * webhooks consumer. A secret: Actuator's /configprops and /env show it masked.
     */
    private String signingSecret;
    /**
     * TLS settings (trust store, key store, protocols) for the connection to COUNT, such as a sandbox with a private
     * certificate authority. Without them the JVM's defaults apply.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * A file that keeps the rotating tokens across restarts (written atomically, readable by the owner only). When it
     * holds tokens for the client ID they win over accessToken and refreshToken, which are newer only until the first
     * refresh. Without it, and without a tokenStore, tokens are kept in memory and a restart goes back to the
     * configured ones. With no accessToken and refreshToken configured, the tokens are the ones the login command (or
     * CountAuthorization) wrote to it for the client ID and baseUrl.
     */
    private String tokenFile;
    /**
     * Refresh the access token this long before COUNT said it expires, in milliseconds. Every endpoint of the JVM with
     * the same client ID and refreshToken shares one token manager; the first endpoint to start sets it, until the last
     * one stops.
     */
    private Long tokenRefreshMargin = 60000L;
    /**
     * A custom TokenStore (for example a database or a vault) to keep rotating tokens in. Overrides tokenFile.
     */
    private TokenStore tokenStore;
    /**
     * Use the Camel context's global SSL context parameters when sslContextParameters is not set.
     */
    private Boolean useGlobalSslContextParameters = false;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public CountConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CountConfiguration configuration) {
        this.configuration = configuration;
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

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public Boolean getEmitExisting() {
        return emitExisting;
    }

    public void setEmitExisting(Boolean emitExisting) {
        this.emitExisting = emitExisting;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getSeenFile() {
        return seenFile;
    }

    public void setSeenFile(String seenFile) {
        this.seenFile = seenFile;
    }

    public Boolean getSubscribe() {
        return subscribe;
    }

    public void setSubscribe(Boolean subscribe) {
        this.subscribe = subscribe;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Long getCustomerCacheTtl() {
        return customerCacheTtl;
    }

    public void setCustomerCacheTtl(Long customerCacheTtl) {
        this.customerCacheTtl = customerCacheTtl;
    }

    public DuplicateInvoiceNumber getDuplicateInvoiceNumber() {
        return duplicateInvoiceNumber;
    }

    public void setDuplicateInvoiceNumber(DuplicateInvoiceNumber duplicateInvoiceNumber) {
        this.duplicateInvoiceNumber = duplicateInvoiceNumber;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Long getRateLimitWindow() {
        return rateLimitWindow;
    }

    public void setRateLimitWindow(Long rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    public Long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Long getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
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

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
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

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Paginate getPaginate() {
        return paginate;
    }

    public void setPaginate(Paginate paginate) {
        this.paginate = paginate;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
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

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getSigningSecret() {
        return signingSecret;
    }

    public void setSigningSecret(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTokenFile() {
        return tokenFile;
    }

    public void setTokenFile(String tokenFile) {
        this.tokenFile = tokenFile;
    }

    public Long getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public void setTokenRefreshMargin(Long tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    public TokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(TokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
