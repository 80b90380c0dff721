package io.camelcount.mock.domain;

import java.util.List;

/** One file of an attachment upload (a multipart part named {@code documents}). */
public record UploadedDocument(String fileName, String contentType, byte[] content) {

    /** Contract §3 Decision: at most 10 files of at most 10 MiB each per upload. */
    static final int MOST_FILES = 10;
    static final long LARGEST_FILE = 10L * 1024 * 1024;

    static void validate(List<UploadedDocument> documents) {
        if (documents.isEmpty()) {
            throw DomainException.validation("documents",
                    "Send one or more files as multipart/form-data parts named \"documents\"");
        }
        if (documents.size() > MOST_FILES) {
            throw DomainException.validation("documents",
                    "documents: at most " + MOST_FILES + " files per upload, got " + documents.size());
        }
        for (int i = 0; i < documents.size(); i++) {
            UploadedDocument document = documents.get(i);
            String field = "documents[" + i + "]";
            if (document.content().length == 0) {
                throw DomainException.validation(field, field + " (" + document.fileName() + ") is empty");
            }
            if (document.content().length > LARGEST_FILE) {
                throw DomainException.tooLarge(field, field + " (" + document.fileName() + ") is "
                        + document.content().length + " bytes; files may be at most 10 MiB (" + LARGEST_FILE + " bytes)");
            }
        }
    }
}
