package io.sangdam.platform;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Fictitious Korean names for demo data: a surname weighted roughly as in Korea (김, 이, 박 are a
 * large share) and a two-syllable given name. Names repeat across centers, as real ones do, but
 * never within one generator, so demo people are easy to tell apart. Demo data only.
 */
public final class KoreanNames {

    private static final String[] SURNAMES = {
        "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "전", "홍", "고",
        "문", "양", "손", "배", "백", "허", "남", "심"
    };
    private static final int[] SURNAME_WEIGHTS = {
        215, 147, 84, 47, 44, 24, 21, 20, 19, 18, 15, 15, 15, 14, 14, 13, 13, 12, 11, 11, 10, 9, 9, 9, 9, 8, 8, 7, 6, 6
    };
    private static final String[] FIRST_SYLLABLES = {
        "민", "서", "지", "수", "예", "하", "도", "주", "현", "유", "은", "채", "윤", "태", "성", "재", "승", "다", "소", "시", "가", "나",
        "혜", "경", "정", "영", "진", "보", "아", "우"
    };
    private static final String[] SECOND_SYLLABLES = {
        "준", "윤", "우", "연", "아", "은", "현", "민", "서", "진", "원", "호", "빈", "린", "희", "율", "솔", "훈", "영", "경", "주", "혁",
        "람", "슬", "비", "인", "석", "미"
    };

    private final Random random;
    private final Set<String> used = new HashSet<>();
    private final int totalWeight;

    public KoreanNames(long seed) {
        this.random = new Random(seed);
        int sum = 0;
        for (int weight : SURNAME_WEIGHTS) {
            sum += weight;
        }
        this.totalWeight = sum;
    }

    public String next() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String name = surname()
                    + FIRST_SYLLABLES[random.nextInt(FIRST_SYLLABLES.length)]
                    + SECOND_SYLLABLES[random.nextInt(SECOND_SYLLABLES.length)];
            if (used.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("Ran out of distinct demo names");
    }

    private String surname() {
        int pick = random.nextInt(totalWeight);
        for (int i = 0; i < SURNAMES.length; i++) {
            pick -= SURNAME_WEIGHTS[i];
            if (pick < 0) {
                return SURNAMES[i];
            }
        }
        return SURNAMES[0];
    }
}
