package io.camelcount.component.http;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.json.CountJson;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.URIBuilder;

/**
 * One HTTP call to COUNT.
 *
 * @param operation what the call is for, as users name it ({@code invoices/send}); used in errors
 * @param method    the HTTP method
 * @param path      the path below the base URL, starting with {@code /partners}, with its query string
 * @param content   what the request carries, or {@code null} for no body
 */
public record CountRequest(String operation, String method, String path, RequestContent content) {

    /** The same list request for another page: {@code page} first, then the request's other parameters. */
    public CountRequest onPage(int page) {
        URIBuilder uri = parse();
        List<NameValuePair> parameters = new ArrayList<>();
        parameters.add(new BasicNameValuePair("page", String.valueOf(page)));
        uri.getQueryParams().stream().filter(parameter -> !parameter.getName().equals("page")).forEach(parameters::add);
        return new CountRequest(operation, method, uri.setParameters(parameters).toString(), content);
    }

    /** A whole-number query parameter of the request, or {@code whenAbsent} when the request does not carry it. */
    Integer queryNumber(String name, Integer whenAbsent) {
        NameValuePair parameter = parse().getFirstQueryParam(name);
        return parameter != null && parameter.getValue() != null && parameter.getValue().matches("\\d{1,9}")
                ? Integer.valueOf(parameter.getValue()) : whenAbsent;
    }

    /** A query parameter of the request, or {@code null} when the request does not carry it. */
    public String queryParameter(String name) {
        NameValuePair parameter = parse().getFirstQueryParam(name);
        return parameter == null ? null : parameter.getValue();
    }

    private URIBuilder parse() {
        try {
            return new URIBuilder(path);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The component built a request path that is not a URI: " + path, e);
        }
    }

    /** A text field of the JSON body; {@code null} when there is no JSON body or the field is absent or blank. */
    public String jsonField(String name) {
        if (!(content instanceof RequestContent.Json json)) {
            return null;
        }
        try {
            JsonNode value = CountJson.parse(json.bytes()).get(name);
            return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
        } catch (IOException e) {
            return null;
        }
    }

    /** The bytes the signature hashes: the JSON body; nothing for no body or a multipart upload (contract §1.1). */
    byte[] signedBody() {
        return content instanceof RequestContent.Json json ? json.bytes() : null;
    }
}
