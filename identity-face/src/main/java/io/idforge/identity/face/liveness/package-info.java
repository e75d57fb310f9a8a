/**
 * Active liveness on the face engine's own landmarks: a head-pose and mouth-opening measure per
 * frame ({@link io.idforge.identity.face.liveness.FacePose}), the judgement of a burst against the
 * asked actions ({@link io.idforge.identity.face.liveness.ActionJudge}, pure and table-tested) and
 * the analyser that runs the engine over the frames ({@link
 * io.idforge.identity.face.liveness.LivenessAnalyser}). Measures are ratios of landmark distances,
 * so a photo moved, turned in its plane or scaled in front of the camera measures the same in every
 * frame: only a face that changes its 3-D pose or opens its mouth moves them.
 */
package io.idforge.identity.face.liveness;
