package io.camelcount.component.http;

import java.util.List;

/**
 * What a request carries: JSON bytes, or files for a multipart upload. Both are held in memory so
 * that a request can be sent again after a token refresh or a 429.
 */
public sealed interface RequestContent {

    /** The exact JavaScript-canonical bytes that are sent and signed. */
    record Json(byte[] bytes) implements RequestContent {
    }

    /** Files sent as multipart/form-data parts named {@code documents}; signed with an empty body hash. */
    record Files(List<FilePart> parts) implements RequestContent {
    }

    record FilePart(String fileName, String contentType, byte[] bytes) {
    }
}
