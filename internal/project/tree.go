package project

// Complete reports whether a task is finished: done, or at 100 %.
func (t *Task) Complete() bool {
	return t.Status == Done || t.Progress.OK() && t.Progress.Val() >= 100
}

// Descendants returns the index range [i+1, end) of the tasks below
// tasks[i] in the outline: the following tasks of the same sheet with a
// deeper level.
func Descendants(tasks []Task, i int) (start, end int) {
	end = i + 1
	src := tasks[i].Source()
	// Each sheet is an outline of its own: a phase in one team's WBS never
	// owns the tasks of the next sheet.
	for end < len(tasks) && tasks[end].Level > tasks[i].Level &&
		tasks[end].Source().File == src.File && tasks[end].Source().Sheet == src.Sheet {
		end++
	}
	return i + 1, end
}

// SubtreeComplete reports whether tasks[i] and every leaf below it are
// complete (cancelled leaves count as complete).
func SubtreeComplete(tasks []Task, i int) bool {
	start, end := Descendants(tasks, i)
	if start == end {
		return tasks[i].Complete() || tasks[i].Status == Cancelled
	}
	for j := start; j < end; j++ {
		t := &tasks[j]
		if !t.Summary && !t.Complete() && t.Status != Cancelled {
			return false
		}
	}
	return true
}
