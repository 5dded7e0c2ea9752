package org.lstmlab.data.synth;

/** The ten UrbanSound8K classes in their classID order, with UrbanSound8K's clip counts (the book preset's class mix). */
enum UrbanClass {
    AIR_CONDITIONER("air_conditioner", 1000, Voices::airConditioner),
    CAR_HORN("car_horn", 429, Voices::carHorn),
    CHILDREN_PLAYING("children_playing", 1000, Voices::childrenPlaying),
    DOG_BARK("dog_bark", 1000, Voices::dogBark),
    DRILLING("drilling", 1000, Voices::drilling),
    ENGINE_IDLING("engine_idling", 1000, Voices::engineIdling),
    GUN_SHOT("gun_shot", 374, Voices::gunShot),
    JACKHAMMER("jackhammer", 1000, Voices::jackhammer),
    SIREN("siren", 929, Voices::siren),
    STREET_MUSIC("street_music", 1000, Voices::streetMusic);

    final String label;
    final int urbanSoundCount;
    final Voices.Voice voice;

    UrbanClass(String label, int urbanSoundCount, Voices.Voice voice) {
        this.label = label;
        this.urbanSoundCount = urbanSoundCount;
        this.voice = voice;
    }

    /** UrbanSound8K's classID. */
    int classId() { return ordinal(); }
}
