package dev.imps.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns one value of a source secret into text for a parser: at most {@link
 * SecretFormats#MAX_VALUE_BYTES} bytes of strict UTF-8, so a huge or binary value fails with a
 * clear message instead of a parser error, and the message never contains the value.
 *
 * <p>Stateless and thread-safe.
 */
public final class SecretValueText {

  /** Builds the exception for a value that cannot be read, from what is wrong with it. */
  @FunctionalInterface
  public interface Failure {
    /**
     * Creates the exception.
     *
     * @param what what is wrong, e.g. {@code "is not UTF-8 text"}; never the value
     * @return the exception to throw, naming the source and key
     */
    CredentialException because(String what);
  }

  private SecretValueText() {}

  /**
   * Decodes a value.
   *
   * @param value the raw bytes of the value
   * @param failure builds the exception, naming the source and key
   * @return the text, as is (not stripped)
   * @throws CredentialException if the value is over the size limit or not valid UTF-8
   */
  public static String decode(byte[] value, Failure failure) throws CredentialException {
    if (value.length > SecretFormats.MAX_VALUE_BYTES) {
      throw failure.because(
          "is too large ("
              + value.length
              + " bytes; the limit is "
              + SecretFormats.MAX_VALUE_BYTES
              + ")");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      throw failure.because("is not UTF-8 text");
    }
  }
}
