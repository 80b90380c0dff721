package io.camelcount.component.auth;

import io.camelcount.component.CountAuthorizationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link FakeCount}'s rotation rules kept in a file, so that several processes can share one fake COUNT. The file is
 * read and written without locking of its own: every call happens under the token store's lock, which is what the
 * cross-process test verifies (a broken lock shows as a second call or a rejected refresh token).
 * Lines: valid refresh token, last generation, calls, rejections.
 */
final class FileCount implements TokenRefresher {

    private final Path state;

    FileCount(Path state) {
        this.state = state;
    }

    static void reset(Path state) throws IOException {
        Files.write(state, List.of(FakeCount.refresh(0), "0", "0", "0"), StandardCharsets.UTF_8);
    }

    @Override
    public TokenPair refresh(String refreshToken) throws RefreshTokenRejectedException, IOException {
        List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
        String valid = lines.get(0);
        int generation = Integer.parseInt(lines.get(1));
        int calls = Integer.parseInt(lines.get(2)) + 1;
        int rejections = Integer.parseInt(lines.get(3));
        if (!refreshToken.equals(valid)) {
            Files.write(state, List.of(valid, "" + generation, "" + calls, "" + (rejections + 1)), StandardCharsets.UTF_8);
            throw new RefreshTokenRejectedException(new CountAuthorizationException("token refresh", 403, "FORBIDDEN",
                    "Invalid refresh token", null, null));
        }
        generation++;
        Files.write(state, List.of(FakeCount.refresh(generation), "" + generation, "" + calls, "" + rejections),
                StandardCharsets.UTF_8);
        return new TokenPair(FakeCount.access(generation), FakeCount.refresh(generation));
    }

    static int calls(Path state) throws IOException {
        return Integer.parseInt(Files.readAllLines(state, StandardCharsets.UTF_8).get(2));
    }

    static int rejections(Path state) throws IOException {
        return Integer.parseInt(Files.readAllLines(state, StandardCharsets.UTF_8).get(3));
    }
}
