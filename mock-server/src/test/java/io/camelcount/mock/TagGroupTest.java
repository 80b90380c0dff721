package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /partners/tags/groups} (contract §5, count-cli's tag group tools): names unique per workspace, a tag in
 * at most one group, {@code tagUuids} on update replacing the membership.
 */
class TagGroupTest extends DemoWorkspaceTest {

    private static final String GROUPS = "/partners/tags/groups";

    private String north;
    private String south;
    private String east;

    @BeforeEach
    void tags() {
        north = created(partner.post("/partners/tags", "{\"name\":\"North\"}")).dataText("id");
        south = created(partner.post("/partners/tags", "{\"name\":\"South\"}")).dataText("id");
        east = created(partner.post("/partners/tags", "{\"name\":\"East\"}")).dataText("id");
    }

    private String group(String name, String... tagUuids) {
        return created(partner.post(GROUPS, "{\"name\":\"" + name + "\",\"tagUuids\":" + array(tagUuids) + "}")).dataText("id");
    }

    private static String array(String... uuids) {
        return uuids.length == 0 ? "[]" : "[\"" + String.join("\",\"", uuids) + "\"]";
    }

    @Test
    void aGroupIsCreatedReadAndListedBeforeAnyTagRouteCouldTakeItsPath() {
        Reply reply = created(partner.post(GROUPS, "{\"name\":\"Regions\",\"color\":\"#123456\",\"tagUuids\":" + array(north, south, north) + "}"));

        String uuid = reply.dataText("id");
        assertThat(reply.text()).contains("\"data\":{\"id\":\"" + uuid + "\",\"name\":\"Regions\",\"color\":\"#123456\","
                + "\"tagUuids\":[\"" + north + "\",\"" + south + "\"]}");
        assertThat(ok(partner.get(GROUPS + "/" + uuid)).data()).isEqualTo(reply.data());
        group("Empty");
        assertThat(ok(partner.get(GROUPS)).recordTexts("name")).containsExactly("Regions", "Empty");
        assertThat(ok(partner.get(GROUPS + "?search=REG")).recordTexts("name")).containsExactly("Regions");
        assertThat(ok(partner.get("/partners/tags")).recordTexts("name")).containsExactly("North", "South", "East");
    }

    @Test
    void aGroupNeedsANameNoOtherGroupHas() {
        group("Regions");

        Reply taken = partner.post(GROUPS, "{\"name\":\"Regions\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text()).contains("\"duplicate_tag_group_name\"");
        assertThat(taken.message()).startsWith("name: the tag group \"Regions\" already exists in this workspace");
        for (String body : new String[] {"{}", "{\"name\":\" \"}", "{\"name\":1}"}) {
            Reply refused = partner.post(GROUPS, body);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.message()).startsWith("name");
        }
        assertThat(ok(partner.get(GROUPS)).records()).hasSize(1);
    }

    @Test
    void aTagBelongsToAtMostOneGroup() {
        group("Regions", north);

        Reply refused = partner.post(GROUPS, "{\"name\":\"Compass\",\"tagUuids\":" + array(south, north) + "}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("\"tag_in_another_group\"");
        assertThat(refused.message()).startsWith("tagUuids[1]: tag \"North\" already belongs to the tag group \"Regions\"");
        assertThat(ok(partner.get(GROUPS)).recordTexts("name")).containsExactly("Regions");
        String compass = group("Compass", south);
        assertThat(partner.patch(GROUPS + "/" + compass, "{\"tagUuids\":" + array(north) + "}").status()).isEqualTo(400);
    }

    @Test
    void tagsOfAGroupMustExist() {
        String unknown = UUID.randomUUID().toString();

        Reply refused = partner.post(GROUPS, "{\"name\":\"Regions\",\"tagUuids\":" + array(north, unknown) + "}");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.message()).isEqualTo("tagUuids[1]: tag " + unknown + " not found in this workspace");
        assertThat(partner.post(GROUPS, "{\"name\":\"Regions\",\"tagUuids\":[\"north\"]}").message())
                .isEqualTo("tagUuids[0] must be a UUID");
    }

    @Test
    void anUpdateChangesOnlyWhatItSendsAndSentTagsReplaceTheMembership() {
        String regions = group("Regions", north, south);
        group("Other");

        Reply renamed = ok(partner.patch(GROUPS + "/" + regions, "{\"color\":\"#ffffff\",\"size\":3}"));
        assertThat(renamed.text()).contains("\"name\":\"Regions\",\"color\":\"#ffffff\",\"tagUuids\":[\"" + north + "\",\"" + south + "\"]");
        assertThat(renamed.json().get("_partnerWarnings").findValuesAsText("field")).containsExactly("size");

        assertThat(ok(partner.patch(GROUPS + "/" + regions, "{\"tagUuids\":" + array(east, south) + "}")).data().get("tagUuids"))
                .extracting(node -> node.asText()).containsExactly(east, south);
        assertThat(ok(partner.patch(GROUPS + "/" + regions, "{\"name\":\"Regions\"}")).dataText("name"))
                .as("a group may keep its own name").isEqualTo("Regions");
        Reply taken = partner.patch(GROUPS + "/" + regions, "{\"name\":\"Other\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text()).contains("\"duplicate_tag_group_name\"");

        assertThat(ok(partner.patch(GROUPS + "/" + regions, "{\"tagUuids\":[]}")).data().get("tagUuids")).isEmpty();
        group("Compass", north, south, east);
    }

    @Test
    void deletingAGroupKeepsItsTagsAndDeletingATagTakesItOutOfItsGroup() {
        String regions = group("Regions", north, south);

        ok(partner.delete("/partners/tags/" + north));
        assertThat(ok(partner.get(GROUPS + "/" + regions)).data().get("tagUuids")).extracting(node -> node.asText())
                .containsExactly(south);

        Reply deleted = ok(partner.delete(GROUPS + "/" + regions));
        assertThat(deleted.data().get("isDeleted").asBoolean()).isTrue();
        assertThat(partner.get(GROUPS + "/" + regions).status()).isEqualTo(404);
        assertThat(ok(partner.get("/partners/tags")).recordTexts("name")).containsExactly("South", "East");
        group("Regions again", south);
    }

    @Test
    void unknownGroupsAreNotFound() {
        String unknown = GROUPS + "/" + UUID.randomUUID();
        assertThat(partner.get(unknown).status()).isEqualTo(404);
        assertThat(partner.patch(unknown, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(partner.delete(unknown).status()).isEqualTo(404);
        assertThat(partner.get(GROUPS + "/regions").message()).isEqualTo("The uuid in the path must be a UUID, got \"regions\"");
    }
}
