package io.camelcount.component;

import org.apache.camel.spi.Metadata;

/**
 * The exchange headers the {@code count:} component reads and writes.
 */
public final class CountConstants {

    @Metadata(label = "producer", javaType = "String",
              description = "The UUID of the resource to act on (get, approve, send, ...). Overrides the uuid option.")
    public static final String UUID = "CamelCountUuid";

    @Metadata(label = "producer", javaType = "String",
              description = "Set after a call: the lifecycle status of the resource COUNT returned, such as draft,"
                            + " approved, sent or paid.")
    public static final String STATUS = "CamelCountStatus";

    @Metadata(label = "producer", javaType = "String",
              description = "Set after a call: COUNT's request ID for the call, to quote in support tickets.")
    public static final String REQUEST_ID = "CamelCountRequestId";

    private CountConstants() {
    }
}
