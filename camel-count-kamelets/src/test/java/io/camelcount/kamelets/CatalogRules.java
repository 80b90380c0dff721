package io.camelcount.kamelets;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

/**
 * The rules of Apache Camel's Kamelet catalog (its validator, script/validator in apache/camel-kamelets), as
 * violations of one Kamelet: the shape in a JSON schema, the rest (names, titles, placeholders, dependencies, the
 * icon) in code. Where the catalog's rule is about the Apache catalog itself (provider "Apache Software Foundation"),
 * the provider must be named instead.
 */
final class CatalogRules {

    static final String ICON_PREFIX = "data:image/svg+xml;base64,";
    static final String COMPONENT_DEPENDENCY = "mvn:io.camelcount:camel-count:";

    private static final JsonSchema KAMELET = Documents.schema("""
            type: object
            required: [apiVersion, kind, metadata, spec]
            properties:
              apiVersion: {const: camel.apache.org/v1}
              kind: {const: Kamelet}
              metadata:
                type: object
                required: [name, labels, annotations]
                properties:
                  name: {type: string, pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"}
                  labels:
                    type: object
                    required: [camel.apache.org/kamelet.type]
                    properties:
                      camel.apache.org/kamelet.type: {enum: [source, sink, action]}
                  annotations:
                    type: object
                    required: [camel.apache.org/kamelet.support.level, camel.apache.org/catalog.version,
                               camel.apache.org/kamelet.icon, camel.apache.org/provider, camel.apache.org/kamelet.group]
                    properties:
                      camel.apache.org/kamelet.support.level: {enum: [Stable, Preview, Deprecated]}
                      camel.apache.org/kamelet.icon: {pattern: "^data:image/svg\\\\+xml;base64,[A-Za-z0-9+/]+=*$"}
                      camel.apache.org/provider: {minLength: 1}
                      camel.apache.org/kamelet.group: {minLength: 1}
                    additionalProperties: {type: string}
              spec:
                type: object
                required: [definition, types, dependencies, template]
                properties:
                  definition:
                    type: object
                    required: [title, description, type, properties]
                    properties:
                      title: {type: string, minLength: 1}
                      description: {type: string, minLength: 1}
                      type: {const: object}
                      required: {type: array, items: {type: string}, uniqueItems: true}
                      properties:
                        type: object
                        additionalProperties:
                          type: object
                          required: [title, description, type]
                          properties:
                            title: {type: string, pattern: "^(?!(The|A|An) )"}
                            description: {type: string, minLength: 1}
                            type: {enum: [string, integer, number, boolean]}
                            x-descriptors: {type: array, items: {type: string}}
                          # A secret is masked in UIs and grouped with the other credentials.
                          if: {required: [format], properties: {format: {const: password}}}
                          then:
                            required: [x-descriptors]
                            properties:
                              x-descriptors: {contains: {const: "urn:camel:group:credentials"}}
                  types:
                    type: object
                    minProperties: 1
                    propertyNames: {enum: [in, out]}
                    additionalProperties:
                      type: object
                      required: [mediaType]
                      properties:
                        mediaType: {type: string, pattern: "^[a-z]+/[-+.a-z0-9]+$"}
                  dependencies:
                    type: array
                    minItems: 1
                    uniqueItems: true
                    items: {type: string, pattern: "^(camel:[a-z0-9-]+|mvn:[^:]+:[^:]+:[^:]+)$"}
                  template: {type: object}
            """);

    /** {{name}} or {{?name}}; placeholders with a default or a function ({{env:X}}) are not a Kamelet's own. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([A-Za-z0-9_.-]+)}}");
    /** What the Kamelet component supplies to every template. */
    private static final Set<String> SUPPLIED = Set.of("routeId", "templateId");
    /** The scheme of every endpoint URI in the template. */
    private static final Pattern ENDPOINT = Pattern.compile("\"(?:uri|to)\":\"([a-z][a-z0-9-]*):");
    /** Words a property title may leave in lower case, as the catalog's stop words do. */
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and", "or",
            "by", "with");

    private final String buildVersion;

    CatalogRules(String buildVersion) {
        this.buildVersion = buildVersion;
    }

    /** Every rule the Kamelet breaks, sorted; empty when it follows them all. */
    List<String> violations(String fileName, JsonNode kamelet) {
        List<String> violations = new ArrayList<>(Documents.errors(KAMELET, kamelet));
        String name = kamelet.path("metadata").path("name").asText();
        String type = kamelet.path("metadata").path("labels").path("camel.apache.org/kamelet.type").asText();
        if (!fileName.equals(name + Documents.KAMELET_SUFFIX)) {
            violations.add("the file " + fileName + " is not named after the Kamelet " + name
                           + " (the Kamelet component finds a Kamelet by its file name)");
        }
        if (!name.endsWith("-" + type)) {
            violations.add("the name " + name + " does not end with -" + type);
        }
        String title = kamelet.path("spec").path("definition").path("title").asText();
        if (!type.isEmpty() && !title.endsWith(" " + Character.toUpperCase(type.charAt(0)) + type.substring(1))) {
            violations.add("the title " + title + " does not end with its type, " + type);
        }
        violations.addAll(titleCase(kamelet));
        violations.addAll(types(kamelet, type));
        violations.addAll(versions(kamelet));
        violations.addAll(missingDependencies(kamelet));
        violations.addAll(icon(kamelet));
        violations.addAll(propertyMismatches(kamelet));
        return violations.stream().sorted().toList();
    }

    private static List<String> titleCase(JsonNode kamelet) {
        List<String> violations = new ArrayList<>();
        kamelet.path("spec").path("definition").path("properties").properties().forEach(property -> {
            for (String word : property.getValue().path("title").asText().split(" ")) {
                if (!word.isEmpty() && !SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT))
                    && !Character.isUpperCase(word.charAt(0)) && !Character.isDigit(word.charAt(0))) {
                    violations.add("the title of property " + property.getKey() + " has a word in lower case: " + word);
                }
            }
        });
        return violations;
    }

    /** A source says what it emits, a sink what it takes, an action both. */
    private static List<String> types(JsonNode kamelet, String type) {
        JsonNode types = kamelet.path("spec").path("types");
        List<String> slots = switch (type) {
            case "source" -> List.of("out");
            case "sink" -> List.of("in");
            case "action" -> List.of("in", "out");
            default -> List.of();
        };
        return slots.stream().filter(slot -> !types.has(slot))
                .map(slot -> "a " + type + " must declare the media type of spec.types." + slot).toList();
    }

    /** The catalog's version and the component's are the build's: Maven filled them in. */
    private List<String> versions(JsonNode kamelet) {
        List<String> violations = new ArrayList<>();
        String catalogVersion = kamelet.path("metadata").path("annotations").path("camel.apache.org/catalog.version")
                .asText();
        if (!catalogVersion.equals(buildVersion)) {
            violations.add("catalog.version is " + catalogVersion + ", not the build's " + buildVersion);
        }
        kamelet.path("spec").path("dependencies").forEach(dependency -> {
            String text = dependency.asText();
            if (text.startsWith(COMPONENT_DEPENDENCY) && !text.equals(COMPONENT_DEPENDENCY + buildVersion)) {
                violations.add("the dependency " + text + " is not the build's version " + buildVersion);
            }
        });
        return violations;
    }

    /** What the template runs on must be among the dependencies, so that Camel JBang and Camel K download it. */
    private static List<String> missingDependencies(JsonNode kamelet) {
        Set<String> declared = new HashSet<>();
        kamelet.path("spec").path("dependencies").forEach(dependency -> declared.add(dependency.asText()));
        String template = kamelet.path("spec").path("template").toString();
        Set<String> needed = new HashSet<>(Set.of("camel:core", "camel:kamelet"));
        Matcher endpoint = ENDPOINT.matcher(template);
        while (endpoint.find()) {
            needed.add(switch (endpoint.group(1)) {
                case "count" -> COMPONENT_DEPENDENCY;
                case "kamelet" -> "camel:kamelet";
                default -> "camel:" + endpoint.group(1);
            });
        }
        if (template.contains("\"library\":\"Jackson\"")) {
            needed.add("camel:jackson");
        }
        // The simple language calls the body's getters (${body.uuid}) through camel-bean.
        if (template.contains("${body.")) {
            needed.add("camel:bean");
        }
        return needed.stream()
                .filter(dependency -> dependency.equals(COMPONENT_DEPENDENCY)
                        ? declared.stream().noneMatch(d -> d.startsWith(COMPONENT_DEPENDENCY))
                        : !declared.contains(dependency))
                .map(dependency -> "the template needs the dependency " + dependency).toList();
    }

    private static List<String> icon(JsonNode kamelet) {
        String icon = kamelet.path("metadata").path("annotations").path("camel.apache.org/kamelet.icon").asText();
        if (!icon.startsWith(ICON_PREFIX)) {
            return List.of(); // the schema says so
        }
        try {
            byte[] svg = Base64.getDecoder().decode(icon.substring(ICON_PREFIX.length()));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            String root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement()
                    .getLocalName();
            return "svg".equals(root) ? List.of() : List.of("the icon is an XML " + root + ", not an SVG image");
        } catch (Exception e) {
            return List.of("the icon is not an SVG image: " + e.getMessage());
        }
    }

    /** What the schema cannot say: the template and the definition agree on the Kamelet's properties. */
    private static List<String> propertyMismatches(JsonNode kamelet) {
        JsonNode definition = kamelet.path("spec").path("definition");
        Set<String> defined = new HashSet<>();
        definition.path("properties").fieldNames().forEachRemaining(defined::add);
        Set<String> required = new HashSet<>();
        definition.path("required").forEach(name -> required.add(name.asText()));

        List<String> mismatches = new ArrayList<>();
        required.stream().filter(name -> !defined.contains(name))
                .forEach(name -> mismatches.add("required property " + name + " is not defined"));
        Set<String> used = new HashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(kamelet.path("spec").path("template").toString());
        while (placeholder.find()) {
            boolean optional = !placeholder.group(1).isEmpty();
            String name = placeholder.group(2);
            used.add(name);
            if (SUPPLIED.contains(name)) {
                continue;
            }
            if (!defined.contains(name)) {
                mismatches.add("the template uses {{" + placeholder.group(1) + name + "}}, which is not a property");
            } else if (!optional && !required.contains(name) && !definition.path("properties").path(name).has("default")) {
                mismatches.add("{{" + name + "}} is neither required nor defaulted: use {{?" + name + "}}");
            }
        }
        defined.stream().filter(name -> !used.contains(name))
                .forEach(name -> mismatches.add("property " + name + " is not used by the template"));
        return mismatches;
    }
}
