package dev.imps.controller.runtime;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.informer.TransformFunc;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.util.CallGenerator;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link ListerWatcher}s for the operator's informers, built on any generated list call so that
 * label and field selectors can narrow what is cached (client-java's factory passes neither), and
 * optionally asking for metadata only.
 */
final class ListerWatchers {

  /** Accept header for a metadata-only list. */
  static final String METADATA_LIST =
      "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";

  /** Accept header for a metadata-only watch. */
  static final String METADATA_WATCH =
      "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

  private ListerWatchers() {}

  /**
   * Creates a lister-watcher for typed objects.
   *
   * @param client the client; its read timeout must be 0
   * @param type the object type
   * @param listType the list type
   * @param calls builds the list or watch call from the reflector's parameters
   * @param <T> the object type
   * @param <L> the list type
   * @return the lister-watcher
   */
  static <T extends KubernetesObject, L extends KubernetesListObject> ListerWatcher<T, L> typed(
      ApiClient client, Class<T> type, Class<L> listType, CallGenerator calls) {
    return new Generic<>(
        client,
        type,
        listType,
        calls,
        null,
        null,
        (gson, reader) -> gson.fromJson(reader, listType));
  }

  /**
   * Creates a lister-watcher that receives only metadata ({@link PartialObjectMetadata}) from the
   * API server, so spec and status never cross the wire.
   *
   * @param client the client; its read timeout must be 0
   * @param calls builds the list or watch call of the resource from the reflector's parameters
   * @param itemTransform applied to each listed item as it is decoded (in place; the informer's own
   *     transform then finds the item done)
   * @return the lister-watcher
   */
  static ListerWatcher<PartialObjectMetadata, PartialObjectMetadataList> metadataOnly(
      ApiClient client, CallGenerator calls, TransformFunc itemTransform) {
    return new Generic<>(
        client,
        PartialObjectMetadata.class,
        PartialObjectMetadataList.class,
        calls,
        METADATA_LIST,
        METADATA_WATCH,
        (gson, reader) -> decodeTransformed(gson, reader, itemTransform));
  }

  /**
   * Decodes a metadata list item by item, transforming each as soon as it is read, so the full
   * metadata of 100 000 pods (managed fields, timestamps, owner references) is never in memory at
   * once: only what the cache keeps, plus one item.
   */
  static PartialObjectMetadataList decodeTransformed(
      Gson gson, Reader reader, TransformFunc itemTransform) throws IOException {
    JsonReader json = gson.newJsonReader(reader);
    V1ListMeta metadata = null;
    List<PartialObjectMetadata> items = new ArrayList<>();
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      if ("metadata".equals(name)) {
        metadata = gson.fromJson(json, V1ListMeta.class);
      } else if ("items".equals(name) && json.peek() == JsonToken.BEGIN_ARRAY) {
        json.beginArray();
        while (json.hasNext()) {
          PartialObjectMetadata item = gson.fromJson(json, PartialObjectMetadata.class);
          items.add((PartialObjectMetadata) itemTransform.transform(item));
        }
        json.endArray();
      } else {
        json.skipValue();
      }
    }
    json.endObject();
    return new PartialObjectMetadataList(metadata, items);
  }

  /** Decodes a list response body. */
  @FunctionalInterface
  interface ListDecoder<L> {
    L decode(Gson gson, Reader reader) throws IOException;
  }

  private static final class Generic<T extends KubernetesObject, L extends KubernetesListObject>
      implements ListerWatcher<T, L> {
    private final ApiClient client;
    private final Class<T> type;
    private final Class<L> listType;
    private final CallGenerator calls;
    private final String listAccept;
    private final String watchAccept;
    private final ListDecoder<L> decoder;

    Generic(
        ApiClient client,
        Class<T> type,
        Class<L> listType,
        CallGenerator calls,
        String listAccept,
        String watchAccept,
        ListDecoder<L> decoder) {
      this.client = client;
      this.type = type;
      this.listType = listType;
      this.calls = calls;
      this.listAccept = listAccept;
      this.watchAccept = watchAccept;
      this.decoder = decoder;
    }

    /**
     * Lists, decoding the response as it streams in: client-java's own {@code execute} first reads
     * the whole body into one String, which for 100 000 pods is as large as the objects decoded
     * from it and doubles the start-up peak.
     */
    @Override
    public L list(CallGeneratorParams params) throws ApiException {
      Call call = withAccept(calls.generate(params), listAccept);
      try (Response response = call.execute()) {
        ResponseBody body = response.body();
        if (!response.isSuccessful() || body == null || response.code() == 204) {
          // Throws the ApiException client-java would (status, headers, body), or returns null.
          return client.handleResponse(response, listType);
        }
        try (Reader reader = body.charStream()) {
          L list = decoder.decode(client.getJSON().getGson(), reader);
          if (list == null) {
            throw new ApiException(
                "empty " + listType.getSimpleName() + " response", response.code(), null, null);
          }
          return list;
        } catch (JsonParseException e) {
          // Without the cause: its message may quote a value from the response.
          throw new ApiException(
              "cannot decode " + listType.getSimpleName() + ": " + e.getClass().getSimpleName(),
              response.code(),
              response.headers().toMultimap(),
              null);
        }
      } catch (IOException e) {
        throw new ApiException(e);
      }
    }

    @Override
    public Watchable<T> watch(CallGeneratorParams params) throws ApiException {
      Call call = withAccept(calls.generate(params), watchAccept);
      return Watch.createWatch(
          client, call, TypeToken.getParameterized(Watch.Response.class, type).getType());
    }

    private Call withAccept(Call call, String accept) {
      Request request = call.request();
      if (accept != null) {
        request = request.newBuilder().header("Accept", accept).build();
      }
      // A fresh call on the client's own HTTP client, whose read timeout is 0 for watches.
      return client.getHttpClient().newCall(request);
    }
  }
}
