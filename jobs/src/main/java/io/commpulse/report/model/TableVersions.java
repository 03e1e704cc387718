package io.commpulse.report.model;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The Delta version of every table a report reads. A table mapped to null did not exist: the report
 * renders that section as absent even if the table appears later, so a re-render shows what the
 * first render showed.
 */
public record TableVersions(Map<String, Long> versions) {
  public TableVersions {
    versions = Collections.unmodifiableMap(new TreeMap<>(versions));
  }

  public OptionalLong of(String table) {
    Long v = versions.get(table);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }
}
