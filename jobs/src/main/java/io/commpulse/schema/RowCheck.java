package io.commpulse.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rule across columns of one row, as a Spark SQL predicate over the typed columns, e.g. {@code
 * resolved_at IS NULL OR resolved_at >= created_at}.
 */
public record RowCheck(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty(value = "sql", required = true) String sql,
    @JsonProperty(value = "message", required = true) String message) {}
