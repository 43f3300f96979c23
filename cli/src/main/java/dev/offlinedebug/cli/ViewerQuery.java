package dev.offlinedebug.cli;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.TypeConversionException;

/**
 * The query string of a {@code serve} page: the filters of {@code list} ({@code since}, {@code
 * until}, {@code type}, {@code logger}, {@code grep}) with the same syntax, so a filter typed in the
 * page means what it means on the command line.
 */
final class ViewerQuery {
  /** The filter parameters, in the order the form shows them. */
  static final String[] FILTERS = {"since", "until", "type", "logger", "grep"};

  private final Map<String, String> parameters;

  private ViewerQuery(Map<String, String> parameters) {
    this.parameters = parameters;
  }

  /** Parses a raw (still encoded) query string; {@code null} is an empty query. */
  static ViewerQuery parse(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        if (!value.isBlank()) {
          parameters.putIfAbsent(name, value.trim());
        }
      }
    }
    return new ViewerQuery(parameters);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return "";
    }
  }

  /** The parameter's value, or {@code null}. */
  String get(String name) {
    return parameters.get(name);
  }

  /**
   * The filter these parameters describe.
   *
   * @throws IllegalArgumentException with a message for the user when a value is not valid
   */
  SummaryFilter filter() {
    SummaryFilter filter = new SummaryFilter();
    InstantConverter times = new InstantConverter();
    try {
      filter.since = get("since") == null ? null : times.convert(get("since"));
      filter.until = get("until") == null ? null : times.convert(get("until"));
    } catch (TypeConversionException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    filter.type = get("type");
    filter.logger = get("logger");
    try {
      filter.grep = get("grep") == null ? null : Pattern.compile(get("grep"));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("grep: " + e.getDescription() + " in '" + get("grep") + "'", e);
    }
    return filter;
  }

  /** The filters as a query string ({@code ?a=b&...}), or empty: to keep them across the pages. */
  String filterQuery() {
    StringBuilder query = new StringBuilder();
    for (String name : FILTERS) {
      if (get(name) != null) {
        query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(encode(get(name)));
      }
    }
    return query.toString();
  }

  /** {@code text} encoded for a URL's path segment or query value. */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
