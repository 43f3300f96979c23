package dev.offlinedebug.s3;

import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Describes an SDK failure in one line that cannot carry a credential: a service error by its
 * status and error code only (never the server's message, which may quote the request), a client
 * error by its first line with anything shaped like an access key or secret cut out.
 */
final class SafeMessages {
  private static final int MAX_LENGTH = 300;
  /** Access key IDs (AKIA..., ASIA...) and 40-character secrets, as they could appear in text. */
  private static final Pattern KEY_LIKE = Pattern.compile("\\b(A[KS]IA[0-9A-Z]{12,}|[A-Za-z0-9/+=]{40})\\b");

  private SafeMessages() {}

  static String describe(Exception e) {
    if (e instanceof AwsServiceException service) {
      String code = errorCode(service);
      return "HTTP " + service.statusCode() + (code == null ? "" : " " + code) + hint(code, service.statusCode());
    }
    String message = e instanceof SdkException || e.getMessage() != null ? String.valueOf(e.getMessage()) : e.toString();
    String firstLine = message.lines().findFirst().orElse("");
    String cut = firstLine.length() > MAX_LENGTH ? firstLine.substring(0, MAX_LENGTH) + "..." : firstLine;
    return KEY_LIKE.matcher(scrubEnvironment(cut)).replaceAll("<redacted>");
  }

  static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private static String hint(String code, int status) {
    if (code != null && (code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch"))) {
      return " (check the credentials of the AWS chain)";
    }
    if ("NoSuchBucket".equals(code)) {
      return " (the bucket does not exist)";
    }
    return status == 403
        ? " (access denied: check the credentials of the AWS chain, and that they allow s3:GetObject, s3:PutObject and s3:ListBucket)"
        : "";
  }

  /** Removes the values of the credential variables, wherever they would occur. */
  private static String scrubEnvironment(String text) {
    String scrubbed = text;
    for (String variable : new String[] {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"}) {
      String value = System.getenv(variable);
      if (value != null && value.length() >= 4) {
        scrubbed = scrubbed.replace(value, "<redacted>");
      }
    }
    for (String property : new String[] {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken"}) {
      String value = System.getProperty(property);
      if (value != null && value.length() >= 4) {
        scrubbed = scrubbed.replace(value, "<redacted>");
      }
    }
    return scrubbed;
  }
}
