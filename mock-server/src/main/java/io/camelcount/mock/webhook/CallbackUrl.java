package io.camelcount.mock.webhook;

import io.camelcount.mock.domain.DomainException;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a subscription may send its deliveries. COUNT takes any {@code https} URL (contract §8); the mock also takes
 * {@code http} to a loopback address, where a partner's test receiver listens.
 *
 * <p>Decision (mock), so that a partner cannot make the mock a tool against the machines around it: never a URL with
 * credentials in it (a secret in a URL ends up in logs), never an unspecified ({@code 0.0.0.0}), link-local (the
 * cloud metadata address {@code 169.254.169.254}) or multicast address, and never the mock itself, whose admin API
 * needs no token on loopback. Private addresses stay allowed: a receiver in a neighbouring container is one. A host
 * name is checked when it is delivered to, as resolved then; a name that resolves differently between the check and
 * the connection (DNS rebinding) is not caught, which the mock, a test tool bound to loopback by default, accepts.
 */
final class CallbackUrl {

    static final int LONGEST = 2048;
    private static final String FIELD = "callbackUrl";
    private static final String CODE = "invalid_callback_url";
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private CallbackUrl() {
    }

    /**
     * @return the URL, checked without looking any name up
     * @throws DomainException 400 {@code invalid_callback_url} saying what is wrong
     */
    static String check(String url) {
        if (url == null || url.isBlank()) {
            throw refusal("callbackUrl is required: the https URL that receives the deliveries");
        }
        if (url.length() > LONGEST) {
            throw refusal("callbackUrl must be at most " + LONGEST + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw refusal("callbackUrl is not a URL: " + malformed.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refusal("callbackUrl must be an https URL (http only to a loopback address such as 127.0.0.1)");
        }
        if (uri.getHost() == null || uri.getRawAuthority() == null) {
            throw refusal("callbackUrl must name a host, such as https://hooks.example.com/count");
        }
        if (uri.getRawUserInfo() != null) {
            throw refusal("callbackUrl must not carry credentials (user:password@); sign the deliveries with a"
                    + " signingSecret instead");
        }
        if (uri.getRawFragment() != null) {
            throw refusal("callbackUrl must not have a fragment (#…), which is never sent");
        }
        Optional<InetAddress> literal = literal(uri.getHost());
        if (scheme.equals("http") && !uri.getHost().equalsIgnoreCase("localhost")
                && literal.map(address -> !address.isLoopbackAddress()).orElse(true)) {
            throw refusal("callbackUrl must be an https URL; http is accepted only to a loopback address (localhost,"
                    + " 127.0.0.1, [::1])");
        }
        literal.flatMap(CallbackUrl::forbidden).ifPresent(reason -> {
            throw refusal("callbackUrl must not name " + reason);
        });
        return url;
    }

    /**
     * Why the mock will not deliver to {@code address} on {@code port}, if it will not.
     *
     * @param ownPort the port the mock listens on
     */
    static Optional<String> forbidden(InetAddress address, int port, int ownPort) {
        Optional<String> forbidden = forbidden(address);
        if (forbidden.isPresent()) {
            return forbidden;
        }
        return port == ownPort && isLocal(address) ? Optional.of("the mock COUNT itself") : Optional.empty();
    }

    /** The port a URL reaches, its scheme's default when it names none. */
    static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static Optional<String> forbidden(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address (" + address.getHostAddress() + ")");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (" + address.getHostAddress() + "), where cloud metadata services are");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address (" + address.getHostAddress() + ")");
        }
        return Optional.empty();
    }

    private static boolean isLocal(InetAddress address) {
        try {
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException unknown) {
            return true; // when in doubt, the mock does not call what might be itself
        }
    }

    /** An IP address written in the URL; no name is looked up. */
    private static Optional<InetAddress> literal(String host) {
        boolean ipv6 = host.startsWith("[") && host.endsWith("]");
        if (!ipv6 && !IPV4.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException malformed) {
            throw refusal("callbackUrl has a malformed IP address: " + host);
        }
    }

    private static DomainException refusal(String message) {
        return DomainException.ruleOnField(CODE, FIELD, message);
    }
}
