package io.camelcount.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.camelcount.component.auth.RequestSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Issue #7, figure 5: what signing costs per request, for a 1 KiB JSON body: {@link RequestSigner#sign} (SHA-256 of
 * the body, then HMAC-SHA256 of the signature base, both hex) and, as the anchor, the same two digests on bare JCA
 * objects made once and reused, which is the floor any signer pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigningBenchmark {

    static final String SECRET = "demo-secret";
    static final String TIMESTAMP = "1795514400";
    static final String PATH = "/partners/invoices";

    private byte[] body;
    private byte[] base;
    private Mac mac;
    private MessageDigest sha256;

    @Setup
    public void setUp() throws Exception {
        body = oneKibOfJson();
        base = RequestSigner.base("POST", PATH, TIMESTAMP, body).getBytes(StandardCharsets.UTF_8);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    /** An invoice create padded with notes to exactly 1024 bytes. */
    static byte[] oneKibOfJson() {
        String head = "{\"customerUuid\":\"0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7081\",\"date\":\"2026-11-24\",\"products\":"
                + "[{\"productUuid\":\"9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01\",\"quantity\":2,\"unitPrice\":120}],\"notes\":\"";
        String tail = "\"}";
        char[] notes = new char[1024 - head.length() - tail.length()];
        Arrays.fill(notes, 'x');
        return (head + new String(notes) + tail).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public String requestSigner() {
        return RequestSigner.sign(SECRET, "POST", PATH, TIMESTAMP, body);
    }

    @Benchmark
    public void bareDigests(Blackhole sink) {
        sink.consume(sha256.digest(body));
        sink.consume(mac.doFinal(base));
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(SigningBenchmark.class.getName() + "\\.")
                .build()).run();
        double signer = score(results, "requestSigner");
        double bare = score(results, "bareDigests");
        FiguresTable table = new FiguresTable("Signing a 1 KiB body");
        table.ratio("RequestSigner.sign, POST with 1 KiB body", String.format("%,.0f ns", signer),
                String.format("%,.0f ns (bare JCA digests, reused)", bare), signer / bare);
        table.print();
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(result -> result.getParams().getBenchmark().endsWith("." + method))
                .findFirst().orElseThrow().getPrimaryResult().getScore();
    }
}
