package io.sangdam.routing.demo;

/** What the demo skills and queues write; routing implements it over its own tables. */
public interface DemoRoutingStore {

    boolean hasSkills();

    long addSkill(String code, String nameKorean, String nameEnglish);

    void grant(long agentId, long skillId, int level);

    boolean hasQueues();

    void addQueue(
            long centerId,
            String code,
            String name,
            String nameEnglish,
            String channel,
            String requiredSkill,
            int minimumLevel,
            int wrapUpSeconds);
}
