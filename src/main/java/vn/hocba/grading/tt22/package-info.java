/**
 * Thông tư 22/2021/TT-BGDĐT (lower and upper secondary): one small class per article, each rule
 * citing its article. Interpretations where the regulation leaves room are the product's
 * documented Decisions (docs/domain.md §3) and are stated where they are made.
 */
package vn.hocba.grading.tt22;
