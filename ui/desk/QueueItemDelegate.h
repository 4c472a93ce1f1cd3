#pragma once

#include <QStyledItemDelegate>

namespace rd {

// Paints queue cells: an overdue answer's due date in the palette's
// "negative" colour (readable on light and dark palettes alike).
class QueueItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueItemDelegate)
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace rd
