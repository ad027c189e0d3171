package io.procmobility.examples;

import io.procmobility.behaviour.From;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.behaviour.ServerResult;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A key-value store as a gen_server: its map is the server's state, so it travels with the process.
 * Requests are plain lists and words, so that the console can type them:
 *
 * <table>
 *   <caption>requests</caption>
 *   <tr><th>request</th><th>reply</th></tr>
 *   <tr><td>{@code [put, key, value]}</td><td>the previous value, or {@code null}</td></tr>
 *   <tr><td>{@code [get, key]}</td><td>the value, or {@code null}</td></tr>
 *   <tr><td>{@code [delete, key]}</td><td>the removed value, or {@code null}</td></tr>
 *   <tr><td>{@code keys}</td><td>the keys, sorted</td></tr>
 *   <tr><td>{@code size}</td><td>the number of entries, an {@code Integer}</td></tr>
 *   <tr><td>{@code stop}</td><td>{@code ok}, then the server ends</td></tr>
 * </table>
 *
 * A request that is none of these gets {@code [error, <what is accepted>]} and the store goes on.
 * The same requests sent as casts or plain messages are applied without a reply. Keys are
 * strings (any key is turned into its text); values are whatever the caller sends.
 */
public class KvStore extends MobileServer<TreeMap<String, Object>> {
    private static final String USAGE = "try [put, key, value], [get, key], [delete, key], keys, size, stop";

    /** An empty store. */
    public KvStore() {
    }

    @Override
    protected TreeMap<String, Object> init() {
        return new TreeMap<>();
    }

    @Override
    protected ServerResult<TreeMap<String, Object>> handleCall(Object request, From from, TreeMap<String, Object> map) {
        if ("stop".equals(request)) {
            return ServerResult.stop(ExitReason.NORMAL, "ok", map);
        }
        return ServerResult.reply(apply(request, map), map);
    }

    @Override
    protected ServerResult<TreeMap<String, Object>> handleCast(Object request, TreeMap<String, Object> map) {
        return handleInfo(request, map);
    }

    @Override
    protected ServerResult<TreeMap<String, Object>> handleInfo(Object message, TreeMap<String, Object> map) {
        if ("stop".equals(message)) {
            return ServerResult.stop(ExitReason.NORMAL, map);
        }
        apply(message, map);
        return ServerResult.noReply(map);
    }

    /** Runs one request against {@code map}; returns the reply. */
    static Object apply(Object request, TreeMap<String, Object> map) {
        if ("keys".equals(request)) {
            return new ArrayList<>(map.keySet());
        }
        if ("size".equals(request)) {
            return map.size();
        }
        if (request instanceof List<?> list && !list.isEmpty()) {
            Object verb = list.get(0);
            if ("put".equals(verb) && list.size() == 3) {
                return map.put(String.valueOf(list.get(1)), list.get(2));
            }
            if ("get".equals(verb) && list.size() == 2) {
                return map.get(String.valueOf(list.get(1)));
            }
            if ("delete".equals(verb) && list.size() == 2) {
                return map.remove(String.valueOf(list.get(1)));
            }
        }
        return List.of("error", "unknown request " + request + "; " + USAGE);
    }

    // ---- client API for Java code outside processes

    /** Stores {@code value} under {@code key}; returns the previous value or {@code null}. */
    public static Object put(ProcessRuntime runtime, Pid store, String key, Object value) {
        return call(runtime, store, List.of("put", key, value), DEFAULT_TIMEOUT);
    }

    /** The value under {@code key}, or {@code null}. */
    public static Object get(ProcessRuntime runtime, Pid store, String key) {
        return call(runtime, store, List.of("get", key), DEFAULT_TIMEOUT);
    }

    /** Removes {@code key}; returns the value it had, or {@code null}. */
    public static Object delete(ProcessRuntime runtime, Pid store, String key) {
        return call(runtime, store, List.of("delete", key), DEFAULT_TIMEOUT);
    }

    /** The keys, sorted. */
    @SuppressWarnings("unchecked")
    public static List<String> keys(ProcessRuntime runtime, Pid store, Duration timeout) {
        return (List<String>) call(runtime, store, "keys", timeout);
    }
}
