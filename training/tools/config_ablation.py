# Same-budget ablations (model card): a small model, 500 steps of 2,000 tokens, on a 40,000-line random
# subset of train.jsonl made with
#   /usr/bin/python3 -c "import random; l = open('training/data/out/train.jsonl').readlines(); \
#     random.Random(1).shuffle(l); open('training/runs/ablation-train.jsonl', 'w').writelines(l[:40000])"
# and run as (one process each, nice -n 19, threads = 1):
#   python3 -m training.train training/tools/config_ablation.py --run_name=abl-task       --routing=task --router_task_loss=0.1
#   python3 -m training.train training/tools/config_ablation.py --run_name=abl-task-noaux --routing=task --router_task_loss=0.0
#   python3 -m training.train training/tools/config_ablation.py --run_name=abl-top2       --routing=router --router_task_loss=0.0 --balance_loss=0.01
#   python3 -m training.train training/tools/config_ablation.py --run_name=abl-dense      --ffn=dense --router_task_loss=0.0
train_file = "training/runs/ablation-train.jsonl"
tokenizer_file = "training/runs/cpu/tokenizer.json"
nbest_max = 3
max_source_tokens = 160
d_model = 128
n_heads = 4
n_encoder_layers = 2
n_decoder_layers = 2
d_ff = 256  # per expert; the dense ablation gets one feed-forward of top_k * d_ff = 512 (same active size)
tokens_per_batch = 2000
learning_rate = 2e-3
warmup_steps = 50
max_steps = 500
eval_interval = 100
dev_examples = 300
threads = 1
