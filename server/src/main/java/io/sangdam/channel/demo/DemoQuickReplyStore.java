package io.sangdam.channel.demo;

/** The demo quick replies' writes, on channel's table (the demo sub-package cannot see it). */
public interface DemoQuickReplyStore {

    boolean hasQuickReplies();

    void addCenterReply(long centerId, String title, String body, String language);
}
