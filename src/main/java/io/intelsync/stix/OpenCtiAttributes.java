package io.intelsync.stix;

/**
 * What OpenCTI adds to the indicators it exports: in its property extension
 * {@code extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba} in current versions, as top-level
 * {@code x_opencti_*} properties in older ones.
 *
 * @param internalId OpenCTI's internal id of the indicator, or null
 * @param score the OpenCTI score from 0 to 100, or null
 * @param detection whether the indicator is meant for detection, or null when not given
 * @param mainObservableType the type of observable the pattern describes, such as {@code IPv4-Addr}, or null
 */
public record OpenCtiAttributes(String internalId, Integer score, Boolean detection, String mainObservableType) {

    /** Attributes of an object that carries no OpenCTI data. */
    public static final OpenCtiAttributes NONE = new OpenCtiAttributes(null, null, null, null);
}
