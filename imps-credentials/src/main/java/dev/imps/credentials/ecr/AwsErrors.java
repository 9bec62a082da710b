package dev.imps.credentials.ecr;

import dev.imps.credentials.CredentialException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS SDK exceptions into {@link CredentialException}s with short messages: the call, the AWS
 * error code, HTTP status and AWS's message, with the source's own key id and secret key blanked
 * out in case AWS ever echoes them. No cause is kept.
 */
final class AwsErrors {

  private static final int MAX_DETAIL_CHARS = 300;

  private final String accessKeyId;
  private final String secretKey;

  AwsErrors(String accessKeyId, String secretKey) {
    this.accessKeyId = accessKeyId;
    this.secretKey = secretKey;
  }

  CredentialException describe(String call, SdkException e) {
    AwsServiceException service = findService(e);
    String detail;
    if (service != null) {
      String code =
          service.awsErrorDetails() != null ? service.awsErrorDetails().errorCode() : null;
      String message =
          service.awsErrorDetails() != null ? service.awsErrorDetails().errorMessage() : null;
      detail =
          (code != null ? code : service.getClass().getSimpleName())
              + " (HTTP "
              + service.statusCode()
              + ")"
              + (message != null ? ": " + message : "");
    } else if (accessKeyId == null
        && String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
      // The chain's own message lists every provider it tried; this says the same in one line.
      detail =
          "no AWS credentials: the secret has no 'accessKeyID'/'secretKey' and the AWS default"
              + " credential chain (web identity, pod identity, environment, profile, instance"
              + " profile) found none";
    } else {
      detail = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return new CredentialException(call + " failed: " + scrub(detail));
  }

  private static AwsServiceException findService(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof AwsServiceException) {
        return (AwsServiceException) t;
      }
    }
    return null;
  }

  private String scrub(String text) {
    String out = String.valueOf(text);
    if (secretKey != null && !secretKey.isEmpty()) {
      out = out.replace(secretKey, "<redacted>");
    }
    if (accessKeyId != null && !accessKeyId.isEmpty()) {
      out = out.replace(accessKeyId, "<access key id>");
    }
    out = out.replaceAll("\\s+", " ").strip();
    return out.length() > MAX_DETAIL_CHARS ? out.substring(0, MAX_DETAIL_CHARS) + "..." : out;
  }
}
