package io.sangdam.engine.routing;

/** Channel ordinals as array indexes, so per-channel counters are plain int arrays. */
final class Channels {
    static final int COUNT = Channel.values().length;
    static final int VOICE = Channel.VOICE.ordinal();

    private Channels() {}
}
