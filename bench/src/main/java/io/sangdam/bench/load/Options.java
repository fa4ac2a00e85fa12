package io.sangdam.bench.load;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The driver's options, {@code --name=value}; every run is bounded in time and contacts. */
final class Options {
    String base = "http://127.0.0.1:8080";
    List<Long> centers = List.of(2L, 3L, 4L, 5L);
    List<String> topics = List.of("BILLING", "RETENTION", "TECH");
    String agentPrefix = "load";
    int agentsPerCenter = 75;
    String password = "sangdam2026!";
    /** Contacts per second of each ramp step. */
    List<Integer> rates = List.of(100, 250, 500, 1000);

    int stepSeconds = 20;
    int maxContacts = 100_000;
    /** The whole run (set-up excluded) stops after this, drained or not. */
    int durationSeconds = 180;

    int drainSeconds = 15;
    /** Messages each customer sends (each answered by the agent) before the agent ends the chat. */
    int exchanges = 2;
    /** How long the agent keeps the chat open after the last answer (sets how many chats are open at once). */
    int holdMillis = 1000;
    /**
     * A customer beyond this many in flight (start request sent, chat not over) is not started but
     * counted as skipped: the driver's guard against piling up connections on a server that fell behind.
     */
    int maxOpen = 12_000;

    int clients = 4;
    int signInParallelism = 16;

    @Nullable
    String ackLog;
    /** Customers still in a chat when the run ends leave it (off for the fault test: what was acknowledged must stay). */
    boolean leaveAtEnd = true;

    String admin = "admin:sangdam2026!";

    // The open-chats scenario (--scenario=open-chats, see OpenChats).
    String scenario = "ramp";
    /** Chats open at once to reach and hold. */
    int openTarget = 10_000;
    /** Starts per second to begin the opening with; raised while the server keeps up, lowered when it falls behind. */
    int startRate = 20;

    int maxRate = 500;
    /** The opening gives up after this. */
    int openSeconds = 600;
    /** How long the open chats are held once the target is reached. */
    int holdSeconds = 60;
    /** A connected customer sends a message this often. */
    int talkSeconds = 5;
    /** Each open chat GETs its status this often, as the web widget does (every 10 s); 0: never. */
    int refreshSeconds = 10;
    /** While holding, a new chat is started (and left at once) this often, to time the server's answer. */
    int probeMillis = 500;
    /** Bound on leaving every chat at the end. */
    int leaveSeconds = 600;

    int leaveParallelism = 64;
    /** The server's process id on this machine, to read its memory from /proc; 0: not known. */
    long serverPid;
    /** The server's PostgreSQL postmaster's process id on this machine, to read its CPU time; 0: not known. */
    long postgresPid;
    // The resume mode after a crash (LoadDriver resume).
    /** An agent ends a chat in which the customer said nothing this long after it was connected. */
    int idleEndSeconds = 30;

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        var o = new Options();
        for (var e : given.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "base" -> o.base = v;
                case "centers" ->
                    o.centers = Arrays.stream(v.split(",")).map(Long::valueOf).toList();
                case "topics" -> o.topics = List.of(v.split(","));
                case "agent-prefix" -> o.agentPrefix = v;
                case "agents-per-center" -> o.agentsPerCenter = Integer.parseInt(v);
                case "password" -> o.password = v;
                case "rates" ->
                    o.rates = Arrays.stream(v.split(",")).map(Integer::valueOf).toList();
                case "step-seconds" -> o.stepSeconds = Integer.parseInt(v);
                case "max-contacts" -> o.maxContacts = Integer.parseInt(v);
                case "duration" -> o.durationSeconds = Integer.parseInt(v);
                case "drain" -> o.drainSeconds = Integer.parseInt(v);
                case "exchanges" -> o.exchanges = Integer.parseInt(v);
                case "hold-ms" -> o.holdMillis = Integer.parseInt(v);
                case "max-open" -> o.maxOpen = Integer.parseInt(v);
                case "clients" -> o.clients = Integer.parseInt(v);
                case "sign-in-parallelism" -> o.signInParallelism = Integer.parseInt(v);
                case "ack-log" -> o.ackLog = v;
                case "admin" -> o.admin = v;
                case "leave-at-end" -> o.leaveAtEnd = Boolean.parseBoolean(v);
                case "scenario" -> o.scenario = v;
                case "open-target" -> o.openTarget = Integer.parseInt(v);
                case "start-rate" -> o.startRate = Integer.parseInt(v);
                case "max-rate" -> o.maxRate = Integer.parseInt(v);
                case "open-seconds" -> o.openSeconds = Integer.parseInt(v);
                case "hold" -> o.holdSeconds = Integer.parseInt(v);
                case "talk-seconds" -> o.talkSeconds = Integer.parseInt(v);
                case "refresh-seconds" -> o.refreshSeconds = Integer.parseInt(v);
                case "probe-ms" -> o.probeMillis = Integer.parseInt(v);
                case "leave-seconds" -> o.leaveSeconds = Integer.parseInt(v);
                case "leave-parallelism" -> o.leaveParallelism = Integer.parseInt(v);
                case "server-pid" -> o.serverPid = Long.parseLong(v);
                case "postgres-pid" -> o.postgresPid = Long.parseLong(v);
                case "idle-end-seconds" -> o.idleEndSeconds = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option --" + e.getKey());
            }
        }
        return o;
    }

    String agent(long center, int number) {
        return String.format("%s%d-%04d", agentPrefix, center, number);
    }
}
