#pragma once

#include <QStyledItemDelegate>

namespace rd {

// Paints queue cells: an overdue answer's due date in the palette's
// "negative" colour (readable on light and dark palettes alike), and the
// selected row in full colour whether the list has the focus or not.
class QueueItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueItemDelegate)
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Public for the tests, which check what a cell is painted with.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace rd
