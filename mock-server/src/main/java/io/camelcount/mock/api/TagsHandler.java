package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.NewTag;
import io.camelcount.mock.domain.Tag;
import io.camelcount.mock.domain.TagUpdate;

import java.util.Set;

/** {@code /partners/tags} (contract §5). */
public final class TagsHandler {

    private static final Set<String> WRITABLE = Set.of("name", "color");
    private static final Set<String> READ_ONLY = Set.of("id", "uuid");

    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        return ApiResponse.success(200, "Tags retrieved",
                paging.render(request.workspace().tags(query.text("search")), TagsHandler::toJson));
    }

    ApiResponse create(ApiRequest request) {
        JsonBody body = request.json(true);
        Tag tag = request.workspace().createTag(newTag(body));
        return ApiResponse.success(201, "Tag created", toJson(tag))
                .withWarnings(PartnerWarning.check(body, WRITABLE, READ_ONLY, "a tag"));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.success(200, "Tag retrieved", toJson(request.workspace().tag(request.uuidParameter("uuid"))));
    }

    ApiResponse update(ApiRequest request) {
        var uuid = request.uuidParameter("uuid");
        JsonBody body = request.json(true);
        Tag tag = request.workspace().updateTag(uuid, new TagUpdate(newTag(body), InvoicesHandler.sentFields(body, WRITABLE)));
        return ApiResponse.success(200, "Tag updated", toJson(tag))
                .withWarnings(PartnerWarning.check(body, WRITABLE, READ_ONLY, "a tag"));
    }

    /** 400 {@code tag_in_use} while invoices or templates carry the tag; an unused tag also leaves its group. */
    ApiResponse delete(ApiRequest request) {
        Tag deleted = request.workspace().deleteTag(request.uuidParameter("uuid"));
        return ApiResponse.deleted("Tag deleted", deleted.uuid());
    }

    private static NewTag newTag(JsonBody body) {
        return new NewTag(body.text("name"), body.text("color"));
    }

    private static ObjectNode toJson(Tag tag) {
        return JsonNodeFactory.instance.objectNode()
                .put("id", tag.uuid().toString())
                .put("name", tag.name())
                .put("color", tag.color());
    }
}
