package io.sangdam.engine.protection;

/** What kind of abuse a finding is; the Korean names are the ones centers use in their manuals. */
public enum AbuseCategory {
    /** 욕설: swearing, whoever it is aimed at. */
    PROFANITY("욕설"),
    /** 인격모독: insults aimed at the person (their intelligence, family, worth). */
    INSULT("인격모독"),
    /** 성희롱: sexual remarks, advances or comments on the agent's body or voice. */
    SEXUAL_HARASSMENT("성희롱"),
    /** 협박: threats of violence, of finding the agent, of harm. */
    THREAT("협박");

    private final String koreanName;

    AbuseCategory(String koreanName) {
        this.koreanName = koreanName;
    }

    public String koreanName() {
        return koreanName;
    }
}
