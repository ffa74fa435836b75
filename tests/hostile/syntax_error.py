def one_hot(labels, num_classes)
    return labels
