package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Links ({@code …/attachments}) and uploaded files ({@code …/attachments/upload}) on an invoice. */
class AttachmentTest extends DemoWorkspaceTest {

    private static final int MEBIBYTE = 1024 * 1024;

    private Reply attach(String uuid, String body) {
        return partner.post("/partners/invoices/" + uuid + "/attachments", body);
    }

    private Reply upload(String uuid, Multipart files) {
        return partner.call("POST", "/partners/invoices/" + uuid + "/attachments/upload")
                .bytes(files.bytes(), Multipart.CONTENT_TYPE).send();
    }

    @Test
    void linksAreAttachedToDraftsAndApprovedInvoices() {
        String draft = create("invoice", Bodies.ACME, "10", false);
        String approved = approvedInvoice("10");

        Reply reply = ok(attach(draft, "{\"attachments\":[{\"url\":\"https://files.example/contract.pdf\",\"title\":\"Contract\"},"
                + "{\"url\":\"HTTP://files.example/timesheet\"}]}"));

        JsonNode attachments = reply.data().get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).get("url").asText()).isEqualTo("https://files.example/contract.pdf");
        assertThat(attachments.get(0).get("title").asText()).isEqualTo("Contract");
        assertThat(attachments.get(0).get("addedAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(attachments.get(1).get("title").isNull()).isTrue();
        assertThat(attachments.get(0).get("id").asText()).isNotEqualTo(attachments.get(1).get("id").asText());
        assertThat(invoice(draft).data().get("attachments")).isEqualTo(attachments);
        assertThat(ok(attach(approved, "{\"attachments\":[{\"url\":\"https://files.example/a\"}]}")).data().get("attachments")).hasSize(1);
        assertThat(ok(attach(draft, "{\"attachments\":[{\"url\":\"https://files.example/more\"}]}")).data().get("attachments")).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                                     | attachments",
            "{\"attachments\":[]}                                   | attachments",
            "{\"attachments\":{\"url\":\"https://a.example\"}}       | attachments",
            "{\"attachments\":[\"https://a.example\"]}              | attachments[0]",
            "{\"attachments\":[{\"title\":\"No link\"}]}            | attachments[0].url",
            "{\"attachments\":[{\"url\":\"ftp://a.example/f\"}]}    | attachments[0].url",
            "{\"attachments\":[{\"url\":\"javascript:alert(1)\"}]}  | attachments[0].url",
            "{\"attachments\":[{\"url\":\"/relative/path\"}]}       | attachments[0].url",
            "{\"attachments\":[{\"url\":\"https://\"}]}             | attachments[0].url",
            "{\"attachments\":[{\"url\":\"not a url\"}]}            | attachments[0].url",
            "{\"attachments\":[{\"url\":42}]}                       | attachments[0].url",
            "{\"attachments\":[{\"url\":\"https://a.example\",\"title\":1}]} | attachments[0].title",
            "{\"attachments\":[{\"url\":\"https://a.example\"},{\"url\":\"mailto:a@b.example\"}]} | attachments[1].url"})
    void badLinksAreRefusedAndNothingIsAttached(String body, String field) {
        String uuid = approvedInvoice("10");

        Reply reply = attach(uuid, body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("validation_failed");
        assertThat(reply.message()).contains(field);
        assertThat(invoice(uuid).data().get("attachments")).isEmpty();
    }

    @Test
    void filesAreUploadedAsDocumentsParts() {
        String uuid = approvedInvoice("10");

        Reply reply = ok(upload(uuid, new Multipart()
                .file("documents", "timesheet.pdf", "application/pdf", "%PDF-1.7 hours".getBytes(StandardCharsets.UTF_8))
                .file("documents", "photo.jpg", "image/jpeg", new byte[2048])
                .file("comment", "ignored.txt", "text/plain", "not a document".getBytes(StandardCharsets.UTF_8))));

        JsonNode attachments = reply.data().get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).toString()).contains("\"url\":null,\"title\":null,\"fileName\":\"timesheet.pdf\","
                + "\"contentType\":\"application/pdf\",\"size\":14");
        assertThat(attachments.get(1).get("fileName").asText()).isEqualTo("photo.jpg");
        assertThat(attachments.get(1).get("size").asInt()).isEqualTo(2048);
    }

    @Test
    void anUploadIsSignedWithAnEmptyBodyHash() {
        String uuid = approvedInvoice("10");
        byte[] files = new Multipart().document("a.pdf", 10).bytes();

        Reply hashed = partner.call("POST", "/partners/invoices/" + uuid + "/attachments/upload")
                .bytes(files, Multipart.CONTENT_TYPE).signedBody(new String(files, StandardCharsets.ISO_8859_1)).send();

        assertThat(hashed.status()).isEqualTo(401);
        assertThat(hashed.code()).isEqualTo("invalid_signature");
        assertThat(hashed.message()).contains("POST:/invoices/" + uuid + "/attachments/upload:" + START.getEpochSecond() + ":\"");
        assertThat(ok(upload(uuid, new Multipart().document("a.pdf", 10))).data().get("attachments")).hasSize(1);
    }

    @Test
    void tenFilesOfTenMebibytesAreTheLimit() {
        String uuid = approvedInvoice("10");

        Reply largest = ok(upload(uuid, new Multipart().document("exactly-10-MiB.pdf", 10 * MEBIBYTE)));
        assertThat(largest.data().get("attachments").get(0).get("size").asInt()).isEqualTo(10 * MEBIBYTE);

        Multipart ten = new Multipart();
        for (int i = 0; i < 10; i++) {
            ten.document("page-" + i + ".pdf", 100);
        }
        assertThat(ok(upload(uuid, ten)).data().get("attachments")).hasSize(11);
    }

    @Test
    void aFileAboveTenMebibytesIsTooLarge() {
        String uuid = approvedInvoice("10");

        Reply reply = upload(uuid, new Multipart().document("small.pdf", 10).document("huge.pdf", 10 * MEBIBYTE + 1));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("payload_too_large");
        assertThat(reply.message()).contains("documents[1]");
        assertThat(reply.message()).contains("huge.pdf", "10 MiB");
        assertThat(invoice(uuid).data().get("attachments")).isEmpty();
    }

    @Test
    void elevenFilesAreTooMany() {
        String uuid = approvedInvoice("10");
        Multipart eleven = new Multipart();
        for (int i = 0; i < 11; i++) {
            eleven.document("page-" + i + ".pdf", 100);
        }

        Reply reply = upload(uuid, eleven);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("documents");
        assertThat(reply.message()).contains("at most 10");
        assertThat(invoice(uuid).data().get("attachments")).isEmpty();
    }

    @Test
    void anUploadWithoutDocumentsIsRefused() {
        String uuid = approvedInvoice("10");

        Reply otherParts = upload(uuid, new Multipart().file("files", "a.pdf", "application/pdf", new byte[10]));
        Reply emptyFile = upload(uuid, new Multipart().document("empty.pdf", 0));
        Reply json = partner.post("/partners/invoices/" + uuid + "/attachments/upload", "{\"documents\":[]}");
        // Not multipart, so signed like any other body (TrustBoundaryTest refuses it signed as empty).
        Reply garbled = partner.call("POST", "/partners/invoices/" + uuid + "/attachments/upload")
                .bytes("--nothing like the boundary".getBytes(StandardCharsets.UTF_8), Multipart.CONTENT_TYPE)
                .signedBody("--nothing like the boundary").send();

        assertThat(otherParts.message()).contains("documents");
        assertThat(emptyFile.message()).contains("documents[0]");
        assertThat(json.message()).contains("documents");
        assertThat(garbled.status()).as(garbled.text()).isEqualTo(400);
        assertThat(garbled.message()).contains("documents");
        assertThat(invoice(uuid).data().get("attachments")).isEmpty();
    }

    @Test
    void attachmentsToAnUnknownInvoiceAreNotFound() {
        assertThat(attach(UUID.randomUUID().toString(), "{\"attachments\":[{\"url\":\"https://a.example\"}]}").status()).isEqualTo(404);
        assertThat(upload(UUID.randomUUID().toString(), new Multipart().document("a.pdf", 1)).status()).isEqualTo(404);
    }
}
