/**
 * Where the documents' data comes from in the running school: reads a stored class (school-year
 * setup, roster and profiles, marks, computed TT22 results, monthly absences, applied
 * corrections, teachers' comments) through the other modules' APIs and turns it into the renderer's input records,
 * formatted the way the Ministry's forms print them ("8,5", "Đ", "Tốt", "Được lên lớp").
 * Internal to the documents module: callers go through {@link vn.hocba.documents.ClassDocuments}.
 */
package vn.hocba.documents.records;
