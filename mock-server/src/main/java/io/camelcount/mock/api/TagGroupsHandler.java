package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.NewTagGroup;
import io.camelcount.mock.domain.TagGroup;
import io.camelcount.mock.domain.TagGroupUpdate;

import java.util.Set;

/**
 * {@code /partners/tags/groups} (contract §5, count-cli's tag group tools): a group's {@code name} is unique
 * in the workspace (409 {@code duplicate_tag_group_name}), and a tag belongs to at most one group (400
 * {@code tag_in_another_group}).
 */
public final class TagGroupsHandler {

    private static final Set<String> WRITABLE = Set.of("name", "color", "tagUuids");
    private static final Set<String> READ_ONLY = Set.of("id", "uuid");

    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        return ApiResponse.success(200, "Tag groups retrieved",
                paging.render(request.workspace().tagGroups(query.text("search")), TagGroupsHandler::toJson));
    }

    ApiResponse create(ApiRequest request) {
        JsonBody body = request.json(true);
        TagGroup group = request.workspace().createTagGroup(newTagGroup(body));
        return ApiResponse.success(201, "Tag group created", toJson(group))
                .withWarnings(PartnerWarning.check(body, WRITABLE, READ_ONLY, "a tag group"));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.success(200, "Tag group retrieved",
                toJson(request.workspace().tagGroup(request.uuidParameter("uuid"))));
    }

    /** Sent {@code tagUuids} replace the group's tags; {@code []} empties it. */
    ApiResponse update(ApiRequest request) {
        var uuid = request.uuidParameter("uuid");
        JsonBody body = request.json(true);
        TagGroup group = request.workspace().updateTagGroup(uuid,
                new TagGroupUpdate(newTagGroup(body), InvoicesHandler.sentFields(body, WRITABLE)));
        return ApiResponse.success(200, "Tag group updated", toJson(group))
                .withWarnings(PartnerWarning.check(body, WRITABLE, READ_ONLY, "a tag group"));
    }

    /** The group goes; its tags stay. */
    ApiResponse delete(ApiRequest request) {
        TagGroup deleted = request.workspace().deleteTagGroup(request.uuidParameter("uuid"));
        return ApiResponse.deleted("Tag group deleted", deleted.uuid());
    }

    private static NewTagGroup newTagGroup(JsonBody body) {
        return new NewTagGroup(body.text("name"), body.text("color"), body.uuids("tagUuids"));
    }

    private static ObjectNode toJson(TagGroup group) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", group.uuid().toString())
                .put("name", group.name())
                .put("color", group.color());
        ArrayNode tags = json.putArray("tagUuids");
        group.tagUuids().forEach(tag -> tags.add(tag.toString()));
        return json;
    }
}
