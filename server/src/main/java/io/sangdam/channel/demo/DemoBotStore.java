package io.sangdam.channel.demo;

/** The demo's bot setting, on channel's table (the demo sub-package cannot see it). */
public interface DemoBotStore {

    void enableUnlessChosen(long centerId);
}
