/**
 * JSON mapping of the interchange formats {@code hocba.class-gradebook/1} (input, validated as a
 * whole, exact decimals) and {@code hocba.class-results/1} (output, one decimal). Jackson only,
 * no Spring. Schemas: {@code classpath:/formats/*.schema.json}.
 */
package vn.hocba.grading.json;
