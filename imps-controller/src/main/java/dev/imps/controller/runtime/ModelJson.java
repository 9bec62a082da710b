package dev.imps.controller.runtime;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.JSON;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Replaces client-java's shared Gson ({@link JSON#setGson}) with one that reads and writes the
 * models by their fields alone, once per process.
 *
 * <p>Why: client-java's Gson registers an adapter factory for each of its ~720 models, and Gson
 * asks them all, newest first, before its own adapters — so the first lookup of any type (even
 * {@code String}) loads every model class: ~730 classes and ~7 MiB of class metadata, for an
 * operator that reads five kinds. Each of those adapters also parses an object into a tree,
 * validates the tree and converts it again, where Gson's field adapter reads it in one pass.
 *
 * <p>What stays the same: client-java's base builder ({@link JSON#createGson()}: the {@code
 * V1Status} pre-processor and the metadata exclusion strategy), the adapters for {@code byte[]}
 * (base64, as Secret data is) and dates, and the RFC 3339 micro-second format of {@code
 * OffsetDateTime} that Leases and Events use. What is dropped is the models' validation, which
 * rejects fields it does not know — an API server newer than the client may send them.
 */
public final class ModelJson {

  /** client-java's format for {@code OffsetDateTime}: seconds, an optional 6-digit fraction, Z. */
  static final DateTimeFormatter RFC3339_MICRO =
      new DateTimeFormatterBuilder()
          .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
          .append(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"))
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true)
          .optionalEnd()
          .appendLiteral("Z")
          .toFormatter();

  private static boolean installed; // guarded by the class (install is synchronized)

  private ModelJson() {}

  /** Installs the field-only Gson as client-java's shared one; later calls do nothing. */
  public static synchronized void install() {
    if (!installed) {
      JSON.setGson(fieldOnly());
      installed = true;
    }
  }

  /**
   * Builds the field-only Gson without installing it.
   *
   * @return a new Gson
   */
  static Gson fieldOnly() {
    return JSON.createGson()
        .registerTypeAdapter(java.util.Date.class, new JSON.DateTypeAdapter())
        .registerTypeAdapter(java.sql.Date.class, new JSON.SqlDateTypeAdapter())
        .registerTypeAdapter(
            OffsetDateTime.class, new JSON.OffsetDateTimeTypeAdapter(RFC3339_MICRO))
        .registerTypeAdapter(java.time.LocalDate.class, new JSON.LocalDateTypeAdapter())
        .registerTypeAdapter(byte[].class, new JSON.ByteArrayAdapter())
        .create();
  }
}
