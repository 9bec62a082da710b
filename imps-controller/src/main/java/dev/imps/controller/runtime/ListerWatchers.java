package dev.imps.controller.runtime;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGenerator;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import okhttp3.Call;
import okhttp3.Request;

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
    return new Generic<>(client, type, listType, calls, null, null);
  }

  /**
   * Creates a lister-watcher that receives only metadata ({@link PartialObjectMetadata}) from the
   * API server, so spec and status never cross the wire.
   *
   * @param client the client; its read timeout must be 0
   * @param calls builds the list or watch call of the resource from the reflector's parameters
   * @return the lister-watcher
   */
  static ListerWatcher<PartialObjectMetadata, PartialObjectMetadataList> metadataOnly(
      ApiClient client, CallGenerator calls) {
    return new Generic<>(
        client,
        PartialObjectMetadata.class,
        PartialObjectMetadataList.class,
        calls,
        METADATA_LIST,
        METADATA_WATCH);
  }

  private static final class Generic<T extends KubernetesObject, L extends KubernetesListObject>
      implements ListerWatcher<T, L> {
    private final ApiClient client;
    private final Class<T> type;
    private final Class<L> listType;
    private final CallGenerator calls;
    private final String listAccept;
    private final String watchAccept;

    Generic(
        ApiClient client,
        Class<T> type,
        Class<L> listType,
        CallGenerator calls,
        String listAccept,
        String watchAccept) {
      this.client = client;
      this.type = type;
      this.listType = listType;
      this.calls = calls;
      this.listAccept = listAccept;
      this.watchAccept = watchAccept;
    }

    @Override
    public L list(CallGeneratorParams params) throws ApiException {
      Call call = withAccept(calls.generate(params), listAccept);
      return client.<L>execute(call, listType).getData();
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
