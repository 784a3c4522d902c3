export function ComparePage() {
  return <div className="p-6">Compare</div>;
}
