package io.camelcount.mock.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard's read of a body: all of it up to one byte past the limit, whatever length was declared. */
class RequestGuardReadTest {

    private static final int MAX = 1001;

    @Test
    void aBodyOfTheDeclaredLengthIsReadWhole() throws IOException {
        byte[] body = bytes(300);
        assertThat(RequestGuard.readUpTo(new ByteArrayInputStream(body), MAX, 300)).isEqualTo(body);
    }

    @Test
    void noBodyIsEmpty() throws IOException {
        assertThat(RequestGuard.readUpTo(InputStream.nullInputStream(), MAX, 0)).isEmpty();
    }

    @Test
    void aBodyWithoutDeclaredLengthIsReadWholeInSmallPieces() throws IOException {
        byte[] body = bytes(900);
        assertThat(RequestGuard.readUpTo(trickle(body), MAX, 0)).isEqualTo(body);
    }

    @Test
    void moreThanDeclaredIsStillRead() throws IOException {
        byte[] body = bytes(700);
        assertThat(RequestGuard.readUpTo(trickle(body), MAX, 10)).isEqualTo(body);
    }

    @Test
    void lessThanDeclaredIsWhatArrived() throws IOException {
        byte[] body = bytes(40);
        assertThat(RequestGuard.readUpTo(new ByteArrayInputStream(body), MAX, 100)).isEqualTo(body);
    }

    @Test
    void readingStopsOneBytePastTheLimit() throws IOException {
        byte[] body = bytes(5000);
        InputStream in = new ByteArrayInputStream(body);
        assertThat(RequestGuard.readUpTo(in, MAX, 0)).isEqualTo(Arrays.copyOf(body, MAX));
        assertThat(in.available()).as("the rest is never read").isEqualTo(5000 - MAX);
    }

    @Test
    void exactlyTheLimitIsNotMore() throws IOException {
        byte[] body = bytes(MAX - 1);
        assertThat(RequestGuard.readUpTo(new ByteArrayInputStream(body), MAX, MAX - 1)).isEqualTo(body);
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** At most 7 bytes a read, as a network may deliver them. */
    private static InputStream trickle(byte[] body) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 7));
            }
        };
    }
}
