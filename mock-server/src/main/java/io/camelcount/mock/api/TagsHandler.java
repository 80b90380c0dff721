package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.Tag;

/** {@code /partners/tags} (contract §5). */
public final class TagsHandler {

    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        return ApiResponse.success(200, "Tags retrieved",
                paging.render(request.workspace().tags(query.text("search")), TagsHandler::toJson));
    }

    ApiResponse create(ApiRequest request) {
        Tag tag = request.workspace().createTag(request.json(true).text("name"));
        return ApiResponse.success(201, "Tag created", toJson(tag));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.success(200, "Tag retrieved", toJson(request.workspace().tag(request.uuidParameter("uuid"))));
    }

    private static ObjectNode toJson(Tag tag) {
        return JsonNodeFactory.instance.objectNode().put("uuid", tag.uuid().toString()).put("name", tag.name());
    }
}
