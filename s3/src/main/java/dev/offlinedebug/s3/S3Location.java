package dev.offlinedebug.s3;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bucket and a key prefix, from {@code s3://bucket[/prefix]}. The prefix, when there is one, ends
 * with {@code /}, so that {@code s3://b/app} holds {@code app/<file>.odump}.
 *
 * @param bucket never null
 * @param prefix {@code ""} or ending with {@code /}; never null
 */
record S3Location(String bucket, String prefix) {
  private static final Pattern SHAPE = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/([^?#@]*))?");

  static S3Location parse(URI location) {
    Matcher m = SHAPE.matcher(location.toString());
    if (!m.matches()) {
      // Never repeats the URI: one with user info would carry a credential.
      throw new IllegalArgumentException("not in the expected format (s3://bucket[/prefix])");
    }
    String prefix = m.group(2) == null ? "" : m.group(2).replaceAll("/+$", "");
    return new S3Location(m.group(1), prefix.isEmpty() ? "" : prefix + "/");
  }

  String key(String name) {
    return prefix + name;
  }

  @Override
  public String toString() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix.substring(0, prefix.length() - 1));
  }
}
