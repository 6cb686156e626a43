/**
 * The teachers' comments (nhận xét) on each student: a subject's teachers per term and for the year,
 * the homeroom teacher's per term and for the year ({@link vn.hocba.gradebook.comments.StudentComments}), and
 * their place in the class gradebook JSON ({@link vn.hocba.gradebook.comments.CommentsJson},
 * {@link vn.hocba.gradebook.comments.CommentImport}).
 */
@org.springframework.modulith.NamedInterface("comments")
package vn.hocba.gradebook.comments;
